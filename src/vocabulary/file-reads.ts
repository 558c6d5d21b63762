/**
 * A file a notebook's cells read (notebook/notebook-files.ts reports it, the build cache keeps it):
 * its absolute path and the sha256 of its content as the cell was about to read it ("" when there was
 * no regular file), so an edit made while the notebook ran, or by another chapter running beside it,
 * is not mistaken for what the cell saw. It lives here, below both, so neither imports the other.
 */
export interface FileRead {
  readonly path: string;
  readonly sha256: string;
  /**
   * Set when the read listed a folder (`readdir`, `opendir`) rather than read a file: `sha256` is then
   * that of its listing (util/hash.ts `sha256OfListing`; "tree" for a recursive listing), "" when
   * there was no folder. A file added, removed or renamed there changes it.
   */
  readonly listing?: "folder" | "tree";
}

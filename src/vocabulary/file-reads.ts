/**
 * A file a notebook's cells read (notebook/notebook-files.ts reports it, the build cache keeps it):
 * its absolute path and the sha256 of its content as the cell was about to read it ("" when there was
 * no regular file), so an edit made while the notebook ran, or by another chapter running beside it,
 * is not mistaken for what the cell saw. It lives here, below both, so neither imports the other.
 */
export interface FileRead {
  readonly path: string;
  readonly sha256: string;
}

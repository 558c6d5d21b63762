/**
 * Images a notebook's markdown shows (`![alt](pic.png)`, `<img src>`), in a markdown cell or in the
 * markdown a code cell displays (`nb.md`). JupyterLab shows a relative path from the notebook's
 * folder; the report is one file whose policy allows only `data:` images, so a local image is
 * inlined as a `data:` URI, read as a chart's image is (charts/local-files.ts: inside the project,
 * a regular file, an image by name and by content). One the page cannot carry (missing, outside
 * the project, not an image, remote) is a located error of the build: left as it was, it would be a
 * broken image in the page and the PDF, and nothing would say so.
 */
import { relative } from "node:path";
import { IMAGE_TYPES, isRemoteUrl, MAX_CHART_FILE_MB, readLocalImage, type LocalImage } from "../charts/local-files";
import * as messages from "../messages/images";
import { at } from "../messages/location";
import { lineColumn } from "../notebook/nbformat";
import { sha256 } from "../util/hash";
import type { MarkdownImage, MarkdownRenderer, RenderedMarkdown } from "./markdown";

/** A file a page inlined and the sha256 of the bytes it inlined: the page cache reuses the page only while they are the same. */
export interface InlinedFile {
  readonly path: string;
  readonly sha256: string;
}

/** Where markdown sits, to read its images and to say where one is. */
export interface MarkdownPlace {
  /** The notebook, relative to the project root, and the 1-based cell (Jupyter's count, markdown cells included). */
  readonly file: string;
  readonly cell: number;
  /** The cell's source as the notebook has it: an image's line and column are found there. */
  readonly cellSource: string;
  /**
   * Lines of `cellSource` before the markdown's first line (a chapter title taken out of it); absent
   * when the markdown is a code cell's output, whose images are found in the code by their text.
   */
  readonly lineOffset?: number;
  /** The notebook's folder (relative paths resolve against it) and the project root (nothing outside it is read). */
  readonly baseDir: string;
  readonly root: string;
}

export interface MarkdownWithImages {
  readonly rendered: RenderedMarkdown;
  /** The image files inlined, for the page cache. */
  readonly inlined: readonly InlinedFile[];
  /** One located message per image the page cannot carry; the build fails when there is one. */
  readonly problems: readonly string[];
}

/** `source` rendered with its local images inlined, and what went wrong with the others. */
export async function renderMarkdownWithImages(markdown: MarkdownRenderer, source: string, docId: string, place: MarkdownPlace): Promise<MarkdownWithImages> {
  const images = markdown.images(source).filter((image) => image.src !== "" && !/^\s*data:/i.test(image.src));
  const reads = new Map<string, Promise<LocalImage | "remote">>();
  for (const { src } of images) {
    if (!reads.has(src)) reads.set(src, isRemoteUrl(src) ? Promise.resolve("remote") : readLocalImage(src, place.baseDir, place.root));
  }
  const uris = new Map<string, string>();
  const inlined = new Map<string, InlinedFile>();
  const problems: string[] = [];
  for (const image of images) {
    const read = await (reads.get(image.src) as Promise<LocalImage | "remote">);
    if (read !== "remote" && read.kind === "inlined") {
      uris.set(image.src, read.uri);
      inlined.set(read.path, { path: read.path, sha256: sha256(read.bytes) });
    } else problems.push(problemText(read, image.src, whereIs(image, place), place.root));
  }
  const rendered = markdown.render(source, docId, uris);
  // The scan missed an image the sanitizer met (HTML too odd for it): never a silent broken image.
  const reported = new Set(images.map((image) => image.src));
  for (const src of rendered.unplaced) if (!reported.has(src)) problems.push(messages.markdownImageUnplaced(at({ file: place.file, cell: place.cell }), src));
  return { rendered, inlined: [...inlined.values()], problems };
}

/**
 * The image's place in its cell: in a markdown cell its line and column (a reference image's are its
 * definition's; another's column is where its src is written as it is), in a code cell where its src is written.
 */
function whereIs(image: MarkdownImage, place: MarkdownPlace): string {
  const { file, cell, cellSource } = place;
  if (place.lineOffset === undefined) {
    const found = cellSource.indexOf(image.src);
    return found < 0 ? at({ file, cell }) : at({ file, cell, ...lineColumn(cellSource, found) });
  }
  const line = image.line + place.lineOffset;
  const column = image.column ?? (cellSource.split("\n")[line - 1] ?? "").indexOf(image.src) + 1;
  return at({ file, cell, line, column: Math.max(column, 1) });
}

function problemText(read: Exclude<LocalImage, { kind: "inlined" }> | "remote", src: string, where: string, root: string): string {
  if (read === "remote") return messages.markdownImageRemote(where, src);
  switch (read.kind) {
    case "bad-path":
      return messages.markdownImageBadPath(where, src, read.detail);
    case "not-image":
      return messages.markdownImageNotImage(where, src, Object.keys(IMAGE_TYPES));
    case "unreadable":
      return messages.markdownImageMissing(where, src, relative(root, read.path) || read.path, read.code);
    case "refused":
      switch (read.refusal.kind) {
        case "outside":
          return messages.markdownImageOutside(where, src, read.refusal.real);
        case "not-a-file":
          return messages.markdownImageNotRegular(where, src, read.refusal.real);
        case "too-large":
          return messages.markdownImageTooLarge(where, src, read.refusal.real, read.refusal.bytes, MAX_CHART_FILE_MB);
      }
  }
}

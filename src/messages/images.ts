/**
 * Messages about images a notebook's markdown shows (report/markdown-images.ts): each one the page
 * cannot carry fails the build at the image's place, saying what to do. (A chart's images: charts.ts.)
 */

const RELATIVE = "an image's path is relative to the notebook's folder, as in JupyterLab";

export const markdownImageRemote = (where: string, src: string): string =>
  `${where}: the image "${src}" is remote; the report is one self-contained file and makes no network requests. Save the image in the project (e.g. next to the notebook) and give its relative path.`;

export const markdownImageNotAPath = (where: string, src: string): string =>
  `${where}: the image "${src}" is a URL, not a path in the project; the report shows only image files it can carry inside itself. Save the image in the project (e.g. next to the notebook) and give its relative path.`;

export const markdownImageDataNotShown = (where: string, src: string): string =>
  `${where}: the image "${src.length > 48 ? `${src.slice(0, 48)}…` : src}" is a data: URL that markdown shows as text (it shows only PNG, GIF, JPEG and WebP ones). Save the image as a file in the project and give its relative path.`;

export const markdownImageMissing = (where: string, src: string, path: string, code: string): string =>
  code === "ENOENT"
    ? `${where}: the image "${src}" was not found (${path}); ${RELATIVE}. Correct the path or add the file.`
    : `${where}: the image "${src}" could not be read (${path}: ${code}); check the file's permissions.`;

export const markdownImageNotImage = (where: string, src: string, types: readonly string[]): string =>
  `${where}: "${src}" is not an image the report can inline (${types.join(", ")}, whose contents start as such a file does); convert it to one of these and give that file's path.`;

export const markdownImageBadPath = (where: string, src: string, detail: string): string =>
  `${where}: the image "${src}" is not a file path (${detail}); ${RELATIVE}, with % only as in %20.`;

export const markdownImageOutside = (where: string, src: string, real: string): string =>
  `${where}: the image "${src}" is outside the project (${real}); the report inlines only files inside the project folder. Copy it into the project (e.g. next to the notebook) and give its relative path.`;

export const markdownImageNotRegular = (where: string, src: string, real: string): string =>
  `${where}: the image "${src}" (${real}) is not a regular file (a folder, device or pipe); give the path of an image file.`;

export const markdownImageTooLarge = (where: string, src: string, real: string, bytes: number, limitMb: number): string =>
  `${where}: the image "${src}" (${real}) is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${limitMb} MB the report inlines from one file; save a smaller rendition of it.`;

/** An image the page would show with no data: URI, which the scan of the markdown did not find (unusual HTML). */
export const markdownImageUnplaced = (where: string, src: string): string =>
  `${where}: the image "${src}" could not be inlined into the report; write it as ![description](path) with a path relative to the notebook.`;

/** An `<img>` in HTML a cell displayed (`tslab.display.html`), whose src the page cannot carry: only a data: URI shows there. */
export const displayedHtmlImage = (where: string, src: string): string =>
  `${where}: the HTML this cell displays shows the image "${src.length > 80 ? `${src.slice(0, 80)}…` : src}", which the page cannot carry (it makes no network requests, and inlines image files only from markdown); show it with markdown, e.g. nb.md\`![What it shows](pic.png)\` with the file in the project, or give the img a data: URI.`;

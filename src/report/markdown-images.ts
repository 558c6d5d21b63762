/**
 * Images a notebook's markdown shows (`![alt](pic.png)`, `<img src>`), in a markdown cell or in the
 * markdown a code cell displays (`nb.md`). JupyterLab shows a relative path from the notebook's
 * folder; the report is one file whose policy allows only `data:` images, so a local image is
 * inlined as a `data:` URI, read as a chart's image is (charts/local-files.ts: inside the project,
 * a regular file, an image by name and by content). One the page cannot carry (missing, outside
 * the project, not an image, remote) is a located error of the build: left as it was, it would be a
 * broken image in the page and the PDF, and nothing would say so. `fragtax check` and `run` find the
 * same errors here (`notebookImageProblems`), before a build would.
 */
import { relative } from "node:path";
import { IMAGE_TYPES, isRemoteUrl, localPath, MAX_CHART_FILE_MB, readLocalImage, type LocalImage } from "../charts/local-files";
import * as messages from "../messages/images";
import { at, type CellLocation, type Location } from "../messages/location";
import { codeFrame } from "../util/code-frame";
import { cellText, type Notebook } from "../notebook/nbformat";
import { lineColumn } from "../util/text-position";
import { sha256 } from "../util/hash";
import { isInside } from "../util/paths";
import { shownMarkdown } from "./chapter-cells";
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

/** An image the page cannot carry: its located message, and its place in its cell when known (for a code frame). */
export interface ImageProblem {
  readonly message: string;
  readonly file: string;
  readonly cell: number;
  readonly line?: number;
  readonly column?: number;
}

/** What reading the local images of some markdown gave. */
interface ImagesRead {
  /** Each src inlined → its `data:` URI. */
  readonly uris: ReadonlyMap<string, string>;
  /** The image files inlined, for the page cache. */
  readonly inlined: readonly InlinedFile[];
  /**
   * The files inside the project that images name but that could not be inlined (missing, not an
   * image …), absolute: `fragtax dev` watches them, so that adding or mending one rebuilds.
   */
  readonly notInlined: readonly string[];
  readonly problems: readonly ImageProblem[];
}

export interface MarkdownWithImages {
  readonly rendered: RenderedMarkdown;
  /** The image files inlined, for the page cache. */
  readonly inlined: readonly InlinedFile[];
  readonly notInlined: readonly string[];
  /** One located message per image the page cannot carry; the build fails when there is one. */
  readonly problems: readonly string[];
}

/** `source` rendered with its local images inlined, and what went wrong with the others. */
export async function renderMarkdownWithImages(markdown: MarkdownRenderer, source: string, docId: string, place: MarkdownPlace): Promise<MarkdownWithImages> {
  const images = markdown.images(source);
  const { uris, inlined, notInlined, problems } = await readImages(images, place);
  const rendered = markdown.render(source, docId, uris);
  const messagesOf = problems.map((problem) => problem.message);
  // The scan missed an image the sanitizer met (HTML too odd for it): never a silent broken image.
  const reported = new Set(images.map((image) => image.src));
  for (const src of rendered.unplaced) if (!reported.has(src)) messagesOf.push(messages.markdownImageUnplaced(at({ file: place.file, cell: place.cell }), src));
  return { rendered, inlined, notInlined, problems: messagesOf };
}

/**
 * The images of a notebook's markdown that a build of it would refuse, found without rendering: its
 * markdown cells (those its chapter shows, as the build reads them) and, with `outputs` (an executed
 * notebook), the markdown its code cells display.
 */
export async function notebookImageProblems(notebook: Notebook, place: Pick<MarkdownPlace, "file" | "baseDir" | "root">, options: { readonly outputs: boolean }): Promise<ImageProblem[]> {
  const displayed = options.outputs ? await displayedHtmlImageProblems(notebook, place.file) : [];
  // No markdown shows an image without writing `![` or `<img`: a notebook without either loads no parser.
  const shown = shownMarkdown(notebook, place.file, options.outputs).filter((markdown) => /!\[|<img\b/i.test(markdown.source));
  if (shown.length === 0) return displayed;
  const { markdownParser, scanImages } = await import("./markdown-scan");
  const md = markdownParser();
  const problems: ImageProblem[] = [];
  for (const { source, ...cell } of shown) problems.push(...(await readImages(scanImages(md, source), { ...place, ...cell })).problems);
  return [...displayed, ...problems].sort((a, b) => a.cell - b.cell);
}

/** The images HTML a cell displayed shows that the page cannot carry (report/outputs.ts fails such a cell), as the build words them. */
async function displayedHtmlImageProblems(notebook: Notebook, file: string): Promise<ImageProblem[]> {
  const problems: ImageProblem[] = [];
  for (const [index, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    for (const output of cell.outputs) {
      const html = "data" in output ? output.data["text/html"] : undefined;
      if (html === undefined || !/<img\b/i.test(cellText(html))) continue;
      const unplaced: string[] = [];
      (await import("./sanitize")).sanitizeOutputHtml(cellText(html), unplaced);
      for (const src of unplaced) problems.push({ message: messages.displayedHtmlImage(at({ file, cell: index + 1 }), src), file, cell: index + 1 });
    }
  }
  return problems;
}

/** An image problem as `fragtax check` and `run` print it: its message, and the code frame of its cell at its place. */
export function imageProblemText(problem: ImageProblem, notebook: Notebook): string {
  const source = notebook.cells[problem.cell - 1]?.source;
  if (problem.line === undefined || source === undefined) return problem.message;
  return `${problem.message}\n${codeFrame(cellText(source), problem.line, problem.column ?? 1)}`;
}

/** Each local image read (once per src) as a `data:` URI, or why the page cannot carry it. */
async function readImages(found: readonly MarkdownImage[], place: MarkdownPlace): Promise<ImagesRead> {
  // A data: image is carried as it is, unless markdown would show it as text (an SVG or other data: URL).
  const images = found.filter((image) => image.src !== "" && (!/^\s*data:/i.test(image.src) || image.unshown === true));
  const reads = new Map<string, Promise<LocalImage | "remote">>();
  for (const { src } of images) {
    if (!reads.has(src)) reads.set(src, isRemoteUrl(src) ? Promise.resolve("remote") : readLocalImage(src, place.baseDir, place.root));
  }
  const uris = new Map<string, string>();
  const inlined = new Map<string, InlinedFile>();
  const notInlined = new Set<string>();
  const problems: ImageProblem[] = [];
  // The same src twice on a line: the second is located at its own place, not the first's.
  const seenOnLine = new Map<string, number>();
  for (const image of images) {
    const key = `${image.line}\n${image.src}`;
    const nth = seenOnLine.get(key) ?? 0;
    seenOnLine.set(key, nth + 1);
    const read = await (reads.get(image.src) as Promise<LocalImage | "remote">);
    if (read !== "remote" && read.kind === "inlined") {
      uris.set(image.src, read.uri);
      inlined.set(read.path, { path: read.path, sha256: sha256(read.bytes) });
      continue;
    }
    const where = whereIs(image, place, nth);
    problems.push({ ...where, message: problemText(read, image.src, at(where), place.root) });
    const path = read === "remote" ? undefined : namedFile(image.src, place);
    if (path !== undefined) notInlined.add(path);
  }
  return { uris, inlined: [...inlined.values()], notInlined: [...notInlined], problems };
}

/** The file a local image names, when it is inside the project (by its path: a link out of it is the build's to refuse). */
function namedFile(src: string, place: MarkdownPlace): string | undefined {
  try {
    const path = localPath(src, place.baseDir);
    return isInside(place.root, path) ? path : undefined;
  } catch {
    return undefined; // a malformed %-escape names no file
  }
}

/**
 * The image's place in its cell: in a markdown cell its line and column (a reference image's are its
 * definition's; another's column is where its src is written as it is), in a code cell where its src is written.
 */
function whereIs(image: MarkdownImage, place: MarkdownPlace, nth: number): (Location & { file: string; cell: number }) | CellLocation & { cell: number } {
  const { file, cell, cellSource } = place;
  if (place.lineOffset === undefined) {
    const found = cellSource.indexOf(image.src);
    return found < 0 ? { file, cell } : { file, cell, ...lineColumn(cellSource, found) };
  }
  const line = image.line + place.lineOffset;
  const column = image.column ?? srcColumn(cellSource.split("\n")[line - 1] ?? "", image.src, nth);
  return { file, cell, line, column: Math.max(column, 1) };
}

/**
 * The 1-based column of the `nth` (0-based) place `src` is written as a URL on `text`: after `(`, `<`,
 * a quote or `=` (`![a.png](a.png)` is at its URL, not its alt text); else its first place anywhere.
 */
function srcColumn(text: string, src: string, nth: number): number {
  const places: number[] = [];
  for (let at = text.indexOf(src); at >= 0; at = text.indexOf(src, at + 1)) if (at > 0 && `(<"'=`.includes(text[at - 1] ?? "")) places.push(at);
  return (places[nth] ?? places.at(-1) ?? text.indexOf(src)) + 1;
}

function problemText(read: Exclude<LocalImage, { kind: "inlined" }> | "remote", src: string, where: string, root: string): string {
  if (read === "remote") {
    if (/^\s*data:/i.test(src)) return messages.markdownImageDataNotShown(where, src);
    return /^\s*(?:https?:)?\/\//i.test(src) ? messages.markdownImageRemote(where, src) : messages.markdownImageNotAPath(where, src);
  }
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

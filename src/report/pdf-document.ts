/**
 * Reading and finishing the PDF Chromium printed (pdf-lib): which page each heading landed on (from
 * the named destinations Chromium writes for every link target), then the document's metadata and
 * a bookmark tree that mirrors the contents page. Pure: bytes in, bytes out. Chromium's structure
 * tree (tagged PDF) and its destinations are kept as they are.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFRef } from "pdf-lib";
import { visibleControls } from "../format/control";

/** A PDF as Chromium printed it, parsed once: read its destinations, then finish it. */
export interface PrintedDocument {
  readonly doc: PDFDocument;
  /** Heading id → page number (1-based), for every named destination. */
  readonly destinations: ReadonlyMap<string, number>;
}

export async function readPrinted(bytes: Uint8Array): Promise<PrintedDocument> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { doc, destinations: destinationsOf(doc) };
}

/** Heading id → page number (1-based), for every named destination in the PDF. */
export async function destinationPages(bytes: Uint8Array): Promise<ReadonlyMap<string, number>> {
  return (await readPrinted(bytes)).destinations;
}

function destinationsOf(doc: PDFDocument): Map<string, number> {
  const pageIndex = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const result = new Map<string, number>();
  for (const [name, dest] of namedDestinations(doc)) {
    const page = dest.get(0);
    const number = page === undefined ? undefined : pageIndex.get(page.toString());
    if (number !== undefined) result.set(name, number);
  }
  return result;
}

function namedDestinations(doc: PDFDocument): Map<string, PDFArray> {
  const dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const result = new Map<string, PDFArray>();
  if (dests === undefined) return result;
  for (const [key, value] of dests.entries()) {
    const dest = dests.context.lookup(value);
    const array = dest instanceof PDFArray ? dest : dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of("D"), PDFArray) : undefined;
    if (array !== undefined) result.set(decodeName(key.asString()), array);
  }
  return result;
}

/** "/a-b#2Dc" → "a-b-c": PDF names escape bytes outside the regular characters as #hh. */
function decodeName(name: string): string {
  const raw = name.replace(/^\//, "").replace(/#([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(raw, "latin1").toString("utf8");
}

export interface OutlineEntry {
  readonly id: string;
  readonly title: string;
  readonly children: readonly OutlineEntry[];
}

export interface PdfMetadata {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords: readonly string[];
  /** The date the report's data is as of (its version date), YYYY-MM-DD. */
  readonly asOf: string;
  /** When this PDF was made (build or publication time). */
  readonly published: Date;
  readonly creator: string;
  readonly producer: string;
}

export async function finishPdf({ doc }: PrintedDocument, metadata: PdfMetadata, outline: readonly OutlineEntry[]): Promise<{ readonly bytes: Uint8Array; readonly pages: number }> {
  // Shown by viewers as text: a control character from report.yaml is written as \x1b, as in the page.
  doc.setTitle(visibleControls(metadata.title), { showInWindowTitleBar: true });
  if (metadata.author !== undefined) doc.setAuthor(visibleControls(metadata.author));
  if (metadata.subject !== undefined) doc.setSubject(visibleControls(metadata.subject));
  doc.setCreator(metadata.creator);
  doc.setProducer(metadata.producer);
  doc.setCreationDate(metadata.published);
  doc.setModificationDate(metadata.published);
  // Not standard Info keys, but kept by every reader that lists "custom properties".
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of("AsOfDate"), PDFString.of(metadata.asOf));
  info.set(PDFName.of("PublicationDate"), PDFString.of(metadata.published.toISOString().slice(0, 10)));
  // pdf-lib's setKeywords joins with spaces, which runs multi-word keywords together.
  info.set(PDFName.of("Keywords"), PDFHexString.fromText(metadata.keywords.join(", ")));
  writeOutline(doc, outline);
  return { bytes: await doc.save({ useObjectStreams: false }), pages: doc.getPageCount() };
}

/**
 * Bookmarks from the contents (chapters with their sections, then the appendices), replacing the
 * heading outline Chromium made: its titles come from wrapped heading text and lose spaces at line
 * breaks, and it nests the whole report under the title page.
 */
function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  const dests = namedDestinations(doc);
  const usable = (list: readonly OutlineEntry[]): OutlineEntry[] => list.filter((entry) => dests.has(entry.id));
  const top = usable(entries);
  if (top.length === 0) return;
  const context = doc.context;
  const root = context.obj({ Type: "Outlines" });
  const rootRef = context.register(root);
  const build = (list: readonly OutlineEntry[], parent: PDFRef): { refs: PDFRef[]; count: number } => {
    const refs = list.map(() => context.nextRef());
    list.forEach((entry, index) => {
      const item = context.obj({});
      item.set(PDFName.of("Title"), PDFHexString.fromText(visibleControls(entry.title)));
      item.set(PDFName.of("Parent"), parent);
      item.set(PDFName.of("Dest"), dests.get(entry.id) ?? context.obj([]));
      const previous = refs[index - 1];
      const next = refs[index + 1];
      if (previous !== undefined) item.set(PDFName.of("Prev"), previous);
      if (next !== undefined) item.set(PDFName.of("Next"), next);
      const ref = refs[index];
      const children = usable(entry.children);
      if (children.length > 0 && ref !== undefined) {
        const inner = build(children, ref);
        item.set(PDFName.of("First"), inner.refs[0] as PDFRef);
        item.set(PDFName.of("Last"), inner.refs[inner.refs.length - 1] as PDFRef);
        // Negative: chapters start closed, so the bookmark panel opens on the chapter list.
        item.set(PDFName.of("Count"), PDFNumber.of(-inner.count));
      }
      if (ref !== undefined) context.assign(ref, item);
    });
    return { refs, count: list.length };
  };
  const { refs, count } = build(top, rootRef);
  root.set(PDFName.of("First"), refs[0] as PDFRef);
  root.set(PDFName.of("Last"), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of("Count"), PDFNumber.of(count));
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

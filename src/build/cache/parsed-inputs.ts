/**
 * A build's input files, parsed and validated once per content. report.yaml, assumptions.yaml and
 * the errata file are read with the YAML parser and checked with zod: loading both and warming
 * them up is most of what a no-op rebuild spends on its inputs (~0.07 s of ~0.35 s for the report's
 * files). A build whose file is byte-identical to the last one's takes the parsed value from
 * `out/.cache/inputs/<kind>.json` and loads neither.
 *
 * The key is the kind, the file's text and name, whatever else the parse reads (`identity`) and the
 * stamp of the tool's code (cache/code-stamp.ts), so a changed parser never reuses what an older one
 * made. A file with a problem is never cached: it is parsed again, and reported again, every time.
 * A parse that also asks the disk (report.yaml: "does this chapter exist?") asks again on a hit
 * (`stillTrue`), and parses again, to report the problem where it is, when the answer changed.
 */
import { join } from "node:path";
import { CACHE_WRITE, writeFileAtomic } from "../../util/atomic";
import { locatingFileSystemErrors } from "../../util/fs-errors";
import { canonicalJson, sha256 } from "../../util/hash";
import { isRecord } from "../../util/records";
import { readPlainText } from "../../util/plain-file";
import { sealedJson, unsealedJson } from "../../util/sealed";
import { cacheWhat } from "../../messages/caches";

const FORMAT = 1;

export type InputKind = "report" | "assumptions" | "errata" | "report-fields" | "sections";

/** What makes a parse's result: the file's text and name, anything else it reads, and the tool's code stamp. */
export interface ParseIdentity {
  readonly kind: InputKind;
  readonly text: string;
  readonly fileName: string;
  readonly code: string;
  readonly extra?: Readonly<Record<string, string>>;
}

interface Entry {
  readonly format: typeof FORMAT;
  readonly key: string;
  readonly value: unknown;
}

export interface Parsed<T> {
  readonly value: T;
  /** Stores the value for the next build; a no-op on a hit. Called once the build accepts its inputs. */
  readonly keep: () => Promise<void>;
}

/**
 * The parsed value of `identity`'s file: from the cache when its key matches, `isValue` accepts what
 * is stored and `stillTrue` (if given) holds, else from `parse` (which throws, located, on a problem).
 */
export async function parseCached<T>(
  cacheDir: string,
  identity: ParseIdentity,
  parse: () => Promise<T>,
  isValue: (value: unknown) => value is T,
  stillTrue: (value: T) => boolean = () => true,
): Promise<Parsed<T>> {
  const key = parseKey(identity);
  const cached = await readCached(cacheDir, identity.kind, key, isValue);
  if (cached !== undefined && stillTrue(cached)) return { value: cached, keep: async () => undefined };
  const value = await parse();
  const entry: Entry = { format: FORMAT, key, value };
  // A cache that cannot be written (a file where its folder must be, a read-only disk) stops the build
  // with its path, as every other cache does: ignored, it made every build parse again without a word.
  return { value, keep: () => locatingFileSystemErrors(cacheWhat("inputs"), join(cacheDir, "inputs"), () => writeFileAtomic(entryFile(cacheDir, identity.kind), sealedJson(entry, entryFile(cacheDir, identity.kind)), CACHE_WRITE)) };
}

/** The value the last build stored for `identity`, or undefined (none, another key, damaged, not accepted by `isValue`). */
export async function readParsed<T>(cacheDir: string, identity: ParseIdentity, isValue: (value: unknown) => value is T): Promise<T | undefined> {
  return readCached(cacheDir, identity.kind, parseKey(identity), isValue);
}

function parseKey({ kind, text, fileName, code, extra }: ParseIdentity): string {
  return sha256(canonicalJson({ format: FORMAT, kind, text, fileName, code, extra: extra ?? {} }));
}

function entryFile(cacheDir: string, kind: InputKind): string {
  return join(cacheDir, "inputs", `${kind}.json`);
}

async function readCached<T>(cacheDir: string, kind: InputKind, key: string, isValue: (value: unknown) => value is T): Promise<T | undefined> {
  try {
    const entry = unsealedJson(await readPlainText(entryFile(cacheDir, kind)), entryFile(cacheDir, kind));
    if (isRecord(entry) && entry.format === FORMAT && entry.key === key && isValue(entry.value)) return entry.value;
  } catch {
    // missing, damaged or changed since it was written (sealed.ts): a miss
  }
  return undefined;
}

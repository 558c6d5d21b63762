/**
 * A chart's Vega-Lite compile and Vega parse, kept apart from its data. When an assumption moves, a
 * chapter's charts keep their specs and only their numbers change; compiling and parsing those specs
 * again was about half of drawing them (~0.15 s of a one-assumption rebuild's main thread, on a cold
 * JIT). So each inline data array of the spec is swapped for a placeholder before both steps, the
 * result is kept by the placeholder spec, and the data is put back in: what Vega then runs is what it
 * would have run from the spec with its data.
 *
 * This holds because neither step reads the rows. Vega-Lite copies `data.values` (and `datasets`)
 * into the Vega spec as given, comparing arrays only to share one source between equal ones (equal
 * arrays get equal placeholders here); Vega's parse hands them to the dataflow as `$ingest`, untouched.
 * Where the placeholders end up is found once, when the chart is compiled, and kept with it.
 *
 * The entries are V8-serialized (undefined, NaN and ±Infinity survive, as they would not in JSON); a
 * spec whose compile holds something that cannot be (a function) is simply not kept. An entry that
 * cannot be read, or whose placeholders are not where it says, is compiled again. An entry used, from
 * the disk or from memory, is touched (behind the build), so the chart cache's prune (cache.ts), which
 * removes the entries used longest ago, keeps the compiles of the charts drawn lately.
 */
import { deserialize, serialize } from "node:v8";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { canonicalJson, sha256 } from "../util/hash";
import { CACHE_WRITE, writeBehind, writeFileAtomic } from "../util/atomic";
import { touchBehind } from "../util/prune";
import { sealedBytes, unsealedBytes } from "../util/sealed";
import { isRecord } from "../util/records";

type Json = Record<string, unknown>;

/** The compiled Vega spec (for the legends and animation it declares) and Vega's runtime dataflow of it. */
export interface CompiledChart {
  readonly vegaSpec: Json;
  readonly runtime: unknown;
}

const PLACEHOLDER = "fragtax:data-placeholder";

/**
 * `spec` with each inline data array replaced by a placeholder, and the arrays, by content: arrays with
 * the same rows (a chart's bars and their labels drawn from one list, which became two equal arrays
 * when the notebook's output was written as JSON) are one class, and share one placeholder value. So
 * Vega-Lite, which gives equal inline arrays one source, gives their placeholders one too, or keeps
 * them apart where it would keep the arrays apart (two named sources).
 */
export function withoutData(spec: Json): { shape: Json; classes: unknown[][][] } {
  const classes: unknown[][][] = [];
  const keys: string[] = [];
  const keyOf = (at: number): string => (keys[at] ??= canonicalJson(classes[at]?.[0]));
  const placeholder = (values: unknown[]): unknown[] => {
    let at = classes.findIndex((members) => members.includes(values));
    if (at < 0) {
      let key: string | undefined;
      // As Vega-Lite compares inline data (keys in any order); arrays of different lengths never match.
      at = classes.findIndex((members, index) => (members[0] as unknown[]).length === values.length && keyOf(index) === (key ??= canonicalJson(values)));
      if (at < 0) at = classes.push([]) - 1;
      classes[at]?.push(values);
    }
    return [{ [PLACEHOLDER]: at }];
  };
  const visit = (node: unknown, key: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, undefined));
    if (!isRecord(node)) return node;
    const copy: Json = {};
    for (const [name, value] of Object.entries(node)) {
      if (name === "values" && key === "data" && Array.isArray(value)) copy[name] = placeholder(value);
      else if (key === "datasets" && Array.isArray(value)) copy[name] = placeholder(value);
      else copy[name] = visit(value, name);
    }
    return copy;
  };
  return { shape: visit(spec, undefined) as Json, classes };
}

type Path = readonly (string | number)[];

/**
 * A placeholder in the compiled chart: where it is, the class of arrays it stands for, and which
 * placeholder object it is. One source's values are one object, at two places (the Vega spec's data
 * and the dataflow's `$ingest`); sources Vega-Lite kept apart hold different objects.
 */
interface Place {
  readonly path: Path;
  readonly group: number;
  readonly class: number;
}

/** Where the placeholders are in `node` (found once, when the chart is compiled, and kept with it). */
function placeholderPlaces(node: unknown): Place[] {
  const found: Place[] = [];
  const groups = new Map<unknown, number>();
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      const only: unknown = value.length === 1 ? value[0] : undefined;
      if (isRecord(only) && typeof only[PLACEHOLDER] === "number") {
        if (!groups.has(value)) groups.set(value, groups.size);
        found.push({ path: [...path], group: groups.get(value) as number, class: only[PLACEHOLDER] });
        return;
      }
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (typeof value === "object" && value !== null) {
      for (const name in value) {
        path.push(name);
        visit((value as Json)[name]);
        path.pop();
      }
    }
  };
  visit(node);
  return found;
}

/**
 * Puts the arrays where their placeholders are, in `compiled` (a fresh copy, never the kept entry).
 * Each placeholder object gets its own array of its class: the class's arrays in turn (equal rows, so
 * which goes to which source draws the same), a copy if Vega-Lite made more sources than there were arrays.
 */
function putData(compiled: unknown, places: readonly Place[], classes: readonly unknown[][][]): boolean {
  const taken = classes.map(() => 0);
  const chosen = new Map<number, unknown[]>();
  for (const { path, group, class: at } of places) {
    const members = classes[at];
    let parent: unknown = compiled;
    for (const step of path.slice(0, -1)) parent = isRecord(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>)[step] : undefined;
    const last = path[path.length - 1];
    const slot = isRecord(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>) : undefined;
    const found: unknown = last === undefined || slot === undefined ? undefined : slot[last];
    // A kept entry that does not match this spec (edited by hand, or another spec's): not used.
    if (members === undefined || last === undefined || slot === undefined || !Array.isArray(found) || !isRecord(found[0]) || found[0][PLACEHOLDER] !== at) return false;
    let values = chosen.get(group);
    if (values === undefined) {
      const next = taken[at] ?? 0;
      taken[at] = next + 1;
      values = members[next] ?? structuredClone(members[0] ?? []);
      chosen.set(group, values);
    }
    slot[last] = values;
  }
  return true;
}

export interface CompileSteps {
  readonly compile: (spec: Json) => Json;
  readonly parse: (vegaSpec: Json) => unknown;
  /** What else the compile depends on (versions, the drawing code): part of the key. */
  readonly code: string;
}

// Within a process (`fragtax dev`, a build drawing a chart's page and phone drawings): no read.
const kept = new Map<string, Buffer>();

interface Entry extends CompiledChart {
  readonly key: string;
  readonly places: readonly Place[];
}

function readEntry(bytes: Buffer, key: string): Entry | undefined {
  try {
    const read = deserialize(bytes) as Partial<Entry>;
    return read.key === key && isRecord(read.vegaSpec) && Array.isArray(read.places) ? (read as Entry) : undefined;
  } catch {
    return undefined; // a spoiled entry is a miss
  }
}

// Read synchronously (~0.1 ms for an entry of ~30 KB). Written without waiting: the writes go on in
// Node's thread pool while the main thread draws (each took ~1.2 ms of it written synchronously here,
// ~7 ms awaited); a build waits for them before it replaces its outputs (`writeBehind`).
function readKept(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return unsealedBytes(readFileSync(file), file);
  } catch {
    return undefined; // missing, unreadable or changed since it was written (sealed.ts): compiled again
  }
}

/** Kept behind, as the build's other cache writes (util/atomic.ts `writeBehind`); an unwritable cache only costs the compile next time. */
function writeKept(file: string | undefined, bytes: Buffer): void {
  if (file === undefined) return;
  writeBehind(() => writeFileAtomic(file, sealedBytes(bytes, file), CACHE_WRITE).catch(() => undefined));
}

/** The chart compiled and parsed, from the cache in `dir` (or memory) when its spec without data was seen. */
export function compiledChart(themedSpec: Json, steps: CompileSteps, dir: string | undefined): CompiledChart {
  const { shape, classes } = withoutData(themedSpec);
  const key = sha256(`${steps.code}\n${JSON.stringify(shape)}`);
  const file = dir === undefined ? undefined : join(dir, `${key}.v8`);
  const bytes = kept.get(key) ?? readKept(file);
  const entry = bytes === undefined ? undefined : readEntry(bytes, key);
  if (entry !== undefined) {
    const compiled = { vegaSpec: entry.vegaSpec, runtime: entry.runtime };
    if (putData(compiled, entry.places, classes)) {
      kept.set(key, bytes as Buffer);
      // From memory too: a long `fragtax dev` reads an entry from the disk once, and uses it all along.
      if (file !== undefined) touchBehind(file);
      return compiled;
    }
  }
  const vegaSpec = steps.compile(shape);
  const compiled = { vegaSpec, runtime: steps.parse(vegaSpec) };
  const places = placeholderPlaces(compiled);
  let made: Buffer | undefined;
  try {
    made = serialize({ key, places, ...compiled });
  } catch {
    made = undefined; // holds a function: compiled again each time
  }
  if (made !== undefined) {
    kept.set(key, made);
    writeKept(file, made);
  }
  putData(compiled, places, classes); // after the entry is made: it keeps the placeholders (found just above, so all match)
  return compiled;
}

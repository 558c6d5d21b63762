/**
 * The quick reading of an assumptions file: js-yaml's event parser gives the plain value and the
 * offset where each item of the top-level lists starts, in ~30 ms on the report's 32 KB file, where
 * `yaml`'s document (a node per scalar, each with its range) takes ~100 ms of a fresh process: the
 * main thread's work before any chapter can start, in every build that finds the file changed.
 *
 * It takes only a plain file: one document whose root is a mapping with plain keys and whose lists
 * hold mappings, without tags, anchors or aliases (where the two parsers could differ). Anything else,
 * or any text js-yaml refuses, gives `undefined`, and load.ts reads the file with `yaml` (yaml-read.ts).
 * It locates items, not their parts: a part's position is its item's. load.ts never shows a problem
 * found on this reading; it reads the file again with `yaml`, whose nodes locate each one.
 * Both parsers follow YAML 1.2's core schema (no dates, no `yes`/`no` booleans).
 */
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents } from "js-yaml";
import type { Event } from "js-yaml";
import { isRecord } from "../util/records";
import { lineIndex } from "../util/text-position";
import type { ListItem, ReadFile } from "./read-file";

/** The quick reading of `text`, or `undefined` when it is not a plain file this reader takes. */
export function readQuickly(text: string): ReadFile | undefined {
  // A directive (`%YAML 1.1`, `%TAG`) changes how the text reads, which js-yaml ignores: `yaml` judges it.
  if (/^%/m.test(text)) return undefined;
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, {});
    if (events.some(unplain)) return undefined;
    documents = constructFromEvents(events, { source: text });
  } catch {
    return undefined; // the full reading finds the problem and locates it
  }
  const [root] = documents;
  if (documents.length !== 1 || !isRecord(root) || events[0]?.type !== EVENT_ID.DOCUMENT || events[1]?.type !== EVENT_ID.MAPPING) return undefined;
  const where = lineIndex(text);
  const keys: { name: string; at: ReturnType<typeof where> }[] = [];
  const lists = new Map<string, ListItem[]>();
  let at = 2;
  while (events[at] !== undefined && events[at]?.type !== EVENT_ID.POP) {
    const key = events[at] as Event;
    if (key.type !== EVENT_ID.SCALAR) return undefined;
    const name = getScalarValue(text, key);
    keys.push({ name, at: where(key.valueStart) });
    if (events[at + 1]?.type === EVENT_ID.SEQUENCE) {
      const starts = itemStarts(events, at + 2);
      const values = root[name];
      if (starts === undefined || !Array.isArray(values) || values.length !== starts.length) return undefined;
      lists.set(name, starts.map((start, index) => {
        const position = where(start);
        return { value: values[index] as unknown, at: () => position };
      }));
    }
    at = after(events, at + 1);
  }
  return {
    keys,
    rootAt: where((events[1] as { start: number }).start),
    list: (key) => {
      const value = root[key];
      if (value === undefined || value === null) return undefined;
      return lists.get(key) ?? { notAList: where(0) };
    },
  };
}

/** A tag, an anchor or an alias: left to the full reading. */
function unplain(event: Event): boolean {
  if (event.type === EVENT_ID.ALIAS) return true;
  if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) return event.tagStart !== -1 || event.anchorStart !== -1;
  return false;
}

/** The start of each item of the sequence whose first item is at `at`; `undefined` if one is not a mapping. */
function itemStarts(events: readonly Event[], at: number): number[] | undefined {
  const starts: number[] = [];
  let index = at;
  while (events[index] !== undefined && events[index]?.type !== EVENT_ID.POP) {
    const item = events[index] as Event;
    if (item.type !== EVENT_ID.MAPPING) return undefined;
    starts.push(item.start);
    index = after(events, index);
  }
  return starts;
}

/** The index of the event after the node that starts at `at` (a scalar, or a collection up to its POP). */
function after(events: readonly Event[], at: number): number {
  const first = events[at];
  if (first === undefined || (first.type !== EVENT_ID.SEQUENCE && first.type !== EVENT_ID.MAPPING)) return at + 1;
  let depth = 0;
  for (let index = at; index < events.length; index++) {
    const type = events[index]?.type;
    if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING) depth++;
    else if (type === EVENT_ID.POP && --depth === 0) return index + 1;
  }
  return events.length;
}

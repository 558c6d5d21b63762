/**
 * Animations on a static page. vega-lite animates a chart with a timer selection (a point selection
 * `on: "timer"` that filters the data to one value of the `time` field at a time). Headless, the
 * timer never ticks, the selection stays empty, and an empty selection lets every row through: all
 * frames drawn on top of each other. Here the selection is set to the animation's first frame, the
 * one a reader sees when the chart starts, so the page shows that frame.
 *
 * This leans on vega-lite's compiled signals for timer selections (`<name>_tuple`,
 * `<name>_tuple_fields`, `anim_value`, `min_extent`); if they are not found (e.g. a selection inside
 * a concatenated view), nothing is changed and the build says every frame is drawn.
 */
import type { View } from "vega";

type Json = Record<string, unknown>;

/** The frame drawn, e.g. { field: "year", value: "1955" }. */
export interface AnimationFrame {
  readonly field: string;
  readonly value: string;
}

/** Sets every top-level timer selection of `view` to its first frame and re-runs it. */
export async function showFirstFrame(view: View, vegaSpec: Json): Promise<AnimationFrame | undefined> {
  let frame: AnimationFrame | undefined;
  for (const { tuple, unit } of timerTuples(vegaSpec)) {
    try {
      const fields = view.signal(`${tuple}_fields`) as readonly { field?: unknown }[];
      // What vega-lite's timer computes at time 0: `anim_value ? anim_value : min_extent`.
      const value = (view.signal("anim_value") as unknown) || (view.signal("min_extent") as unknown);
      if (value === undefined || value === null || !Array.isArray(fields) || fields.length !== 1) continue;
      view.signal(tuple, { unit, fields, values: [value] });
      frame = { field: String(fields[0]?.field ?? "time"), value: value instanceof Date ? value.toISOString() : String(value) };
    } catch {
      continue; // a signal vega-lite did not make at the top level: drawn as before
    }
  }
  if (frame !== undefined) await view.runAsync();
  return frame;
}

/** The timer selections' tuple signals and the unit their tuples carry, from the compiled spec. */
function timerTuples(vegaSpec: Json): { tuple: string; unit: string }[] {
  const found: { tuple: string; unit: string }[] = [];
  for (const signal of Array.isArray(vegaSpec.signals) ? (vegaSpec.signals as Json[]) : []) {
    const update = Array.isArray(signal.on) ? (signal.on as Json[])[0]?.update : undefined;
    if (typeof signal.name !== "string" || !signal.name.endsWith("_tuple") || typeof update !== "string" || !update.includes("anim_value")) continue;
    const unit = /\bunit: ("(?:[^"\\]|\\.)*")/.exec(update)?.[1];
    if (unit !== undefined) found.push({ tuple: signal.name, unit: JSON.parse(unit) as string });
  }
  return found;
}

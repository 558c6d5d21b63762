/**
 * Features a static page cannot offer: selections (clicks, brushes), inputs bound to parameters,
 * zoom and pan, animation. The chart is still drawn, in its initial state (an animation at its first
 * frame, see animation.ts); these findings let the build say so, naming the feature and what the
 * reader sees instead.
 */
type Json = Record<string, unknown>;

export interface InteractiveFeature {
  readonly feature: string;
  readonly shows: string;
  /** An animation: the drawing may show one frame of it (animation.ts), which then replaces `shows`. */
  readonly animation?: true;
}

export function interactiveFeatures(spec: unknown): InteractiveFeature[] {
  const found = new Map<string, InteractiveFeature>();
  const add = (feature: string, shows: string, animation = false): void => void found.set(feature, animation ? { feature, shows, animation } : { feature, shows });
  walk(spec, (node) => {
    if (Array.isArray(node.params)) {
      for (const param of node.params) {
        if (typeof param !== "object" || param === null) continue;
        const { name, select, bind, value } = param as Json;
        const label = typeof name === "string" ? `"${name}"` : "a parameter";
        const initial = value === undefined ? "" : ` (${JSON.stringify(value)})`;
        if (isTimer(select)) add(`the animation ${label}`, "every frame at once", true);
        else if (bind === "scales") add(`zoom and pan (${label})`, "the initial view");
        else if (bind === "legend" || (typeof bind === "object" && bind !== null && "legend" in bind)) add(`a legend-bound selection ${label}`, "all categories, unselected");
        else if (typeof bind === "object" && bind !== null) add(`an input bound to ${label}`, `the chart at its initial value${initial}`);
        else if (select !== undefined) add(`the selection ${label}`, value === undefined ? "the chart before anything is selected" : `the initial selection${initial}`);
      }
    }
    if (typeof node.encoding === "object" && node.encoding !== null && "time" in node.encoding) add("an animated time channel", "every frame at once", true);
  });
  // A timer parameter drives the time channel: one finding for one animation.
  if ([...found.keys()].some((feature) => feature.startsWith("the animation"))) found.delete("an animated time channel");
  return [...found.values()];
}

function isTimer(select: unknown): boolean {
  return typeof select === "object" && select !== null && JSON.stringify((select as Json).on ?? "").includes("timer");
}

function walk(node: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (typeof node === "object" && node !== null) {
    visit(node as Json);
    for (const [key, value] of Object.entries(node as Json)) if (key !== "data" && key !== "datasets") walk(value, visit);
  }
}

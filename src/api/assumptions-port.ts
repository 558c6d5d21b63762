/**
 * Jupyter mode's assumptions loader, over the core area's registry (`parseAssumptions`).
 */
import type { SessionAssumptions } from "./context";

export function loadAssumptionsForJupyter(file: string): SessionAssumptions {
  throw new Error(`the assumptions registry (src/assumptions) is not merged yet; cannot load ${file}`);
}

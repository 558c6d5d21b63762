/**
 * How much each assumption drives an output, as weights that sum to 1: the tornado's swing of each
 * input (p5 → p95, others at their medians), squared and normalized — a first-order share of the
 * output's variance. The notebook API turns these into a claim's basis (essay / source / judgement).
 */
import type { Driver } from "../vocabulary/results";
import type { Assumption } from "../assumptions/types";
export declare function driversOf<K extends string, O extends string>(evaluate: (x: Readonly<Record<K, number>>) => Record<O, number>, assumptions: Readonly<Record<K, Assumption>>, output: O): Driver[];

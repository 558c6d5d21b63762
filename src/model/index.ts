// Public entry of the pure model (bundled as dist/model.js for notebooks): distributions, Monte Carlo,
// sensitivity, scenarios and the domain functions. No I/O anywhere below.
export * from "./random";
export * from "./distributions";
export * from "./montecarlo";
export { percentilesInPlace } from "./summary";
export * from "./sensitivity";
export * from "./correlation";
export * from "./drivers";
export { cholesky, isPositiveSemiDefinite } from "../util/linalg";
export * from "./scenarios";
export * from "./training";
export * from "./energy";
export * from "./revenue-share";
export * from "./credits";
export * from "./fragmentation";
export * from "./chips";
export * from "./valuation";
export * from "./claims";
export * from "./runner";
export * from "./variants";

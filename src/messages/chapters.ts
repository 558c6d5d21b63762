// Messages of the report's chapter arithmetic (src/fragmentation-tax/essay-arithmetic.ts).

export const yearsNotPositive = (years: number): string => `capitalRecoveryFactor: years must be positive, got ${years}`;

export const utilizationOutOfRange = (utilization: number): string =>
  `splitPoolCapacityMultiplier: pooled utilization must be in (0, 1], got ${utilization}`;

export const poolsBelowOne = (pools: number): string => `splitPoolCapacityMultiplier: pools must be at least 1, got ${pools}`;

export const correlationOutOfRange = (correlation: number): string =>
  `effectivePoolCount: the correlation between pools must be in [0, 1] (a negative one would make splitting save capacity), got ${correlation}`;

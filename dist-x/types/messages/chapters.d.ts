export declare const yearsNotPositive: (years: number) => string;
export declare const utilizationOutOfRange: (utilization: number) => string;
export declare const poolsBelowOne: (pools: number) => string;
export declare const correlationOutOfRange: (correlation: number) => string;

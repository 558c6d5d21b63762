/**
 * Training-run cost.
 *
 * From rented capacity (the essay's own arithmetic, "10,000–15,000 GPUs for 60–90 days at $2–3 per
 * GPU-hour"), with goodput as standard practice adds it: the share of paid GPU-hours that do useful
 * work (failures, restarts, checkpoints eat the rest), so paid hours = useful hours ÷ goodput.
 *
 *   gpuHours = gpus × days × 24 ÷ goodput            usd = gpuHours × usdPerGpuHour
 *
 * From compute (Epoch AI's method, Cottier et al. 2024): a run of `totalFlop` on GPUs with peak
 * throughput `peakFlopPerSecondPerGpu` achieving model-FLOPs utilization `mfu` needs
 *
 *   gpuHours = totalFlop ÷ (peakFlopPerSecondPerGpu × mfu) ÷ 3600    usd = gpuHours × usdPerGpuHour
 */
export declare const HOURS_PER_DAY = 24;
export declare const SECONDS_PER_HOUR = 3600;
export interface RentedRun {
    readonly gpus: number;
    readonly days: number;
    readonly usdPerGpuHour: number;
    /** Useful share of paid GPU-hours, in (0, 1]; default 1 (the essay's arithmetic has none). */
    readonly goodputFraction?: number;
}
export interface RunCost {
    readonly gpuHours: number;
    readonly usd: number;
}
export declare function trainingRunCost(run: RentedRun): RunCost;
/** Shorthand for `trainingRunCost(run).usd`, handy inside Monte Carlo models. */
export declare function trainingRunCostUsd(run: RentedRun): number;
export interface ComputeRun {
    readonly totalFlop: number;
    readonly peakFlopPerSecondPerGpu: number;
    /** Model-FLOPs utilization, in (0, 1]: achieved ÷ peak throughput. */
    readonly mfu: number;
    readonly usdPerGpuHour: number;
}
export declare function trainingRunCostFromFlop(run: ComputeRun): RunCost;
/** Total FLOP a rented run delivers: the inverse of `trainingRunCostFromFlop` at the same MFU. */
export declare function flopDelivered(run: {
    gpus: number;
    days: number;
    peakFlopPerSecondPerGpu: number;
    mfu: number;
}): number;
export interface CostGap {
    /** Stated cost ÷ computed cost. */
    readonly factor: number;
    /** What each input alone would have to be, the others as given, for the run to cost `statedUsd`. */
    readonly gpusNeeded: number;
    readonly daysNeeded: number;
    readonly usdPerGpuHourNeeded: number;
    /** Goodput that would make up the gap (> 1 means no goodput can: the gap is not overhead). */
    readonly goodputFractionNeeded: number;
}
/** What a stated cost implies: the cost is linear in gpus, days and price, inverse in goodput. */
export declare function inputsForStatedCost(run: RentedRun, statedUsd: number): CostGap;

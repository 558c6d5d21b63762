import type { ReportModel } from "../model/runner";
/** Rental bill of the essay's box: GPUs × days × 24 × USD/GPU-hour (the essay's own arithmetic). */
export declare const TRAINING_ESSAY_BOX: ReportModel<"gpus" | "days" | "price", "cost_usd" | "gpu_hours">;
/**
 * The run at market price with goodput, from FLOP (FLOP ÷ (peak × MFU) ÷ goodput GPU-seconds, Epoch
 * AI's cost method), the FLOP the essay's cluster delivers, and its electricity (GPU-hours × kW × PUE × USD/kWh).
 */
export declare const TRAINING_MARKET: ReportModel<"gpus" | "days" | "price" | "goodput" | "flop" | "peak" | "mfu" | "kw" | "pue" | "usdPerKwh", "cost_gpu_route_usd" | "cost_flop_route_usd" | "box_flop_e25" | "energy_usd">;
/**
 * Two readings under which the essay's stated bill follows from its own numbers: its GPU count with a
 * dropped zero (100–150k GPUs), and the bill as the whole programme of R&D compute around a final
 * run of the essay's size (final run ÷ its share of that compute, as in Epoch AI's 2024 estimate).
 */
export declare const TRAINING_READINGS: ReportModel<"gpus" | "days" | "price" | "finalShare", "cost_ten_times_gpus_usd" | "cost_programme_usd">;
export declare const REVENUE_SHARE_YEARS: readonly [2026, 2027, 2028, 2029, 2030];
type ShareOut = "paid_uncapped_usd" | "paid_capped_usd" | "cap_value_usd" | "cap_value_nominal_usd" | "cap_binds" | "share_2026_usd" | "cap_years_of_2026_payments" | `cumulative_uncapped_${number}` | `cumulative_capped_${number}`;
/**
 * Revenue share with a cumulative cap: revenue_t = R₀ × g^t, payment_t = share × revenue_t until the
 * running total reaches the cap. Years past the horizon pay nothing. The cap's value is discounted at
 * the cost of capital, as Stargate's capital charge is in chapter 5, so the two are comparable.
 */
export declare const REVENUE_SHARE: ReportModel<"share" | "cap" | "horizon" | "revenue2026" | "growth" | "rate", ShareOut>;
/**
 * Credits and the cost of several stacks. Expected Google value = up front + milestones × P(paid);
 * credits = value × credit share; stranded = (Google credits + Amazon) × (1 − usable share).
 * Engineering multiplier 1 + s·(N − 1), on infrastructure engineering = compute spend × engineering
 * per dollar of compute (the lab of chapter 8); split-pool capacity u + (1 − u)·√N (essay-arithmetic).
 */
export declare const CREDITS: ReportModel<"upfront" | "milestone" | "milestoneP" | "creditShare" | "amazon" | "usable" | "stacks" | "specific" | "compute" | "engineeringRatio" | "utilization", "google_expected_usd" | "google_face_value_usd" | "google_credits_usd" | "total_credits_usd" | "stranded_usd" | "engineering_multiplier" | "engineering_multiplier_two_stacks" | "extra_engineering_usd" | "pool_split_multiplier">;
export declare const SOVEREIGNTY: ReportModel<"essayUplift" | "share" | "pools" | "utilization" | "backup" | "premium" | "pBalkanization" | "pBalkanizationBand", "bottom_up_uplift" | "essay_uplift" | "expected_essay_uplift" | "expected_bottom_up_uplift" | "expected_bottom_up_uplift_band">;
export {};

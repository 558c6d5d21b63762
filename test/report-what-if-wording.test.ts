/**
 * Wording the data decide, read in real Chromium from the report's own notebooks built by the CLI: as
 * built, and under an economist's what-if that moves the premises each sentence rests on. Each check
 * is a sentence that once stayed as typed while its numbers said otherwise (a "sharper" argument that
 * the chapter's own numbers made the weaker, the scenario weights said not to matter, a Stargate plan
 * over six years "consistent" with one over four, a rate of 5% "understating" "above 4%").
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../src/report/chromium";
import { BUILD_MS, buildReport, renderedTexts, whatIf } from "./report-roots";

/** The economist's what-if: every premise below moved at once, each to where its sentence must change. */
const MOVED = whatIf([
  // The Balkanization Trap the likeliest future.
  ["scenario_balkanization_probability", "0.6"],
  ["scenario_merchant_era_probability", "0.3"],
  ["scenario_winner_consolidates_probability", "0.1"],
  // Cheap, long-lived capital and a compute bill the check finds overstated: the charge is below the essay's bill only.
  ["cost_of_capital", "0.02..0.04"],
  ["ai_datacenter_asset_life_years", "20..30"],
  ["openai_compute_usd_per_year", "40e9..60e9"],
  // Stargate over six years; a policy rate of 5%; ten times the essay's GPUs; a fleet that pools almost perfectly.
  ["stargate_years", "6"],
  ["fed_funds_upper_bound", "0.05"],
  ["essay_training_gpu_count", "100000..150000"],
  ["pooled_fleet_utilization", "0.95..0.99"],
  // A cap no payment path reaches; an essay premium below ours; Google's parts not adding up to $40B; a lower sourced valuation.
  ["openai_microsoft_revenue_share_cap_usd", "5000e9"],
  ["balkanization_inference_uplift", "0.1..0.2"],
  ["google_anthropic_milestone_usd", "20e9"],
  ["anthropic_valuation_usd", "200e9"],
]);

/**
 * A bill the essay's own inputs give, and a balkanization that is certain and nearly all sovereign: the
 * summary then says the frontier-run check that still disagrees, chapter 4 the premium as paid and met
 * only at our interval's edge, chapter 6 the scenario that cannot rise ten points, chapter 3 a second
 * stack that adds little.
 */
const CERTAIN = whatIf([
  ["essay_training_run_cost_usd", "40e6..80e6"],
  ["scenario_balkanization_probability", "1"],
  ["scenario_merchant_era_probability", "0"],
  ["scenario_winner_consolidates_probability", "0"],
  // Nearly all inference sovereign: the essay's premium meets ours only at our interval's lower edge.
  ["sovereign_inference_share", "0.9..1"],
  // Stacks that share almost all their work: a second one adds about 1.5%, millions beside billions.
  ["stack_specific_engineering_share", "0.01..0.02"],
]);

/**
 * Premises at zero: no traffic bound to a jurisdiction, stacks that share all their work, credits all
 * usable. The build once failed on the first (no input drives a premium that is always zero, and the
 * claim's factor was Infinity); the chapters then said the zero as a "real cost" and "a fraction". And
 * sourced figures a what-if replaces, which the prose went on crediting to Epoch AI and to the press;
 * and three stacks, beside a multiplier that stays at two.
 */
const ZERO = whatIf([
  ["sovereign_inference_share", "0"],
  ["stack_specific_engineering_share", "0"],
  ["credit_usable_share", "1"],
  ["gpt45_final_run_cost_usd", "1e9..2e9"],
  ["openai_compute_2024_usd", "60e9..80e9"],
  ["anthropic_run_rate_trailing_usd", "3e9..4e9"],
  ["optimization_pipeline_count", "3"],
  // OpenAI's valuation set to the essay's $350B: consistent, but a what-if's value, not an announced figure.
  ["openai_valuation_usd", "350e9"],
  // One hardware ecosystem: chapter 7 split the volume "across the competing ecosystems" of which there was one.
  ["hardware_ecosystem_count", "1"],
]);

let root = "";
let movedRoot = "";
let certainRoot = "";
let zeroRoot = "";
let chromium: LaunchedChromium;

beforeAll(async () => {
  root = buildReport([]);
  movedRoot = buildReport(MOVED);
  certainRoot = buildReport(CERTAIN);
  zeroRoot = buildReport(ZERO);
  chromium = await launchChromium();
}, 4 * BUILD_MS);

afterAll(async () => {
  await chromium.close();
  for (const dir of [root, movedRoot, certainRoot, zeroRoot]) rmSync(dir, { recursive: true, force: true });
});

const texts = (selector: string, from: string): Promise<string[]> => renderedTexts(chromium, selector, from);

const starting = (paragraphs: readonly string[], start: string): string => paragraphs.find((p) => p.startsWith(start)) ?? "";

describe("the report as built", () => {
  it("weighs utilization against volume by the chapter's own numbers, and the scenario weights by the band they may take", async () => {
    const paragraphs = await texts("p, li", root);
    expect(starting(paragraphs, "Splitting one pool across two stacks")).toMatch(/design cost per busy hour rises: \$[\d.]+\/chip-hour \(90% interval [^)]*\), [\d.]+× \(90% interval [\d.]+×–[\d.]+×\) the pooled fleet\u2019s\. For the design cost that is a far smaller step than splitting volume/);
    expect(paragraphs.filter((p) => /sharper/.test(p))).toEqual([]);
    expect(starting(paragraphs, "To see whether the weighted cost hinges")).toMatch(/probability vary across 10%–40% and let the Winner Consolidates scenario\u2019s vary across 5%–25% \(plausible bands around the essay\u2019s figures, Appendix A\), and give the Merchant Era scenario the remainder\.$/);
    expect(starting(paragraphs, "Chapter 4 finds that premium")).toMatch(/is below the essay\u2019s midpoint; the weighted index below, which uses the essay\u2019s premium, therefore leans high( at the median)?, by [\d.]+% of today\u2019s cost at the essay\u2019s probability \(90% interval [−\d.]+% to [\d.]+%/);
    expect(paragraphs.some((p) => p.includes("how the essay itself describes Anthropic\u2019s use of its two stacks"))).toBe(true);
    expect(starting(paragraphs, "Without a cap, the payments add up to")).toMatch(/and it binds in [\d.]+% of the simulated futures; where it binds, it first cuts a payment in 20\d\d at the median \(90% interval 20\d\d–20\d\d\)\./);
    expect(paragraphs.some((p) => p.includes("not a likelier one"))).toBe(false);
    expect(paragraphs.some((p) => p.includes("A second stack is a real cost, but short of the essay\u2019s doubling"))).toBe(true);
    // Chapter 8's negative ρ in a colour of its own, with a legend: red marks the essay's figures in every chart.
    const rankChart = (await texts("figure.output.chart", root)).find((f) => f.includes("Rank correlation with the tax")) ?? "";
    expect(rankChart).toMatch(/raises the tax\nlowers the tax\nA higher input/);
    const ledger = (await texts("#appendix-claims tbody tr", root)).join("\n");
    expect(ledger).toMatch(/The widest sources of doubt are the [^.]+ \(our judgement\) and the [^.]+ \((our judgement|sourced|the essay\u2019s)\)\./);
  });
});

describe("the report as printed", () => {
  // Before: "How long, and on how many clouds" ended page 12 and its two claim cards stood alone on page 13.
  it("keeps a paragraph that leads into claim or figure cards with the first of them", async () => {
    const tab = await chromium.browser.newPage();
    try {
      await tab.emulateMediaType("print");
      await tab.goto(pathToFileURL(join(root, "out", "build", "report.html")).href, { waitUntil: "load" });
      const breaks = (await tab.evaluate(`[...document.querySelectorAll(".cell")]
        .filter((cell) => cell.querySelector(":scope > .cell-source + .output > :is(.fragtax-claim, .fragtax-figure)") && cell.previousElementSibling?.matches(".cell-markdown"))
        .map((cell) => getComputedStyle(cell.previousElementSibling).breakAfter)`)) as string[];
      expect(breaks.length).toBeGreaterThanOrEqual(5);
      expect(new Set(breaks)).toEqual(new Set(["avoid"]));
    } finally {
      await tab.close();
    }
  });
});

describe("the report under the economist's what-if", () => {
  it("says which scenario is likeliest, reads the capital charge against the bill the check accepts, and sees a moot reading", async () => {
    const paragraphs = await texts("p, li", movedRoot);
    expect(starting(paragraphs, "To see whether the weighted cost hinges")).toMatch(/across 45%–75% .* remainder, though at this what-if\u2019s figures the likeliest is the Balkanization Trap scenario\.$/);
    const charge = starting(paragraphs, "The question the essay ends on");
    expect(charge).toMatch(/it is 0\.\d+× \(90% interval [\d.]+×–[\d.]+×\) OpenAI\u2019s compute bill as the essay states it\. The essay\u2019s compute figure is overstated against Epoch AI\u2019s estimate, though, and against that estimate of OpenAI\u2019s 2024 compute bill the charge is [\d.]+× \(90% interval [\d.]+×–[\d.]+×\): the capacity therefore has to be rented by many customers/);
    expect(charge).not.toContain("could carry the charge alone");
    expect(paragraphs.some((p) => p.startsWith("A dropped zero. Moot here, since the essay\u2019s own inputs already give its bill; for completeness, with ten times the GPUs"))).toBe(true);
    expect(starting(paragraphs, "Splitting one pool across two stacks")).toMatch(/the design cost per busy hour barely moves: \$[\d.]+\/chip-hour \(90% interval [^)]*\), no more than [\d.]+% above the pooled fleet\u2019s at the 95th percentile of the draws\./);
  });

  it("says a cap that never binds does not, a lean low as a size with its interval, and what the ledger's notes rest on", async () => {
    const paragraphs = await texts("p", movedRoot);
    expect(starting(paragraphs, "Without a cap, the payments add up to")).toContain("and it binds in 0% of the simulated futures. In none of the simulated futures does it bind within the horizon, so it removes no payment there.");
    // A what-if's single cap is its value, not "our band".
    expect(starting(paragraphs, "Without a cap, the payments add up to")).toMatch(/The cap\u2019s size is not public; this what-if\u2019s value for it, \$[\d.]+T, is/);
    // Leaning low by a size: its interval runs from the smaller to the larger size, not from −14% to −0.89%.
    const lean = /therefore leans low( at the median)?, by ([\d.]+)% of today\u2019s cost at this what-if\u2019s probability \(90% interval (\u2212?[\d.]+)% to ([\d.]+)%/.exec(starting(paragraphs, "Chapter 4 finds that premium"));
    const [size, low, high] = [lean?.[2], lean?.[3], lean?.[4]].map((x) => Number((x ?? "NaN").replace("\u2212", "-")));
    expect(low).toBeLessThan(size as number);
    expect(high).toBeGreaterThan(size as number);
    const rows = (await texts("#appendix-claims tbody tr", movedRoot)).join("\n");
    expect(rows).toMatch(/\$10B up front and \$20B tied to milestones, \$30B in all against the essay.s \$40B/);
    expect(rows).not.toContain('"up to" is the right phrase');
    expect(rows).toMatch(/The essay.s division, its valuation over its own run rate, gives [\d.]+×–[\d.]+×: the arithmetic is right\. The sourced valuation over that run rate gives [\d.]+×/);
    // The essay's comparison on the essay's figures ($350B against its $250B and $90B), not on a what-if's lower sourced valuation.
    expect(rows).toMatch(/Taking the essay.s valuation and its market caps, Anthropic is 1\.4× AMD and 3\.9× Intel\./);
    expect(rows).not.toContain("not worth more than AMD");
    expect(paragraphs.some((p) => /the essay\u2019s own division, \$350B over that run rate, gives [\d.]+×–[\d.]+×, so its arithmetic is right on its own figures/.test(p))).toBe(true);
  });

  it("checks Stargate's yearly spending over another period, and reads \"above 4%\" as the floor it is", async () => {
    const rows = await texts("#appendix-claims tbody tr", movedRoot);
    const stargate = rows.find((row) => row.startsWith("Stargate")) ?? "";
    expect(stargate).toMatch(/\toverstated\t1\.5×\t/i);
    expect(stargate).toMatch(/\$125B\/year/);
    expect(stargate).toContain("Differs from");
    const paragraphs = await texts("p", movedRoot);
    expect(paragraphs.some((p) => p.includes("for the policy rate is consistent with our check: the top of the Federal Reserve\u2019s target range is 5% in this what-if."))).toBe(true);
  });

  it("says a premium and a probability the what-if replaced as its own, in prose and in the figures' labels", async () => {
    const paragraphs = await texts("p", movedRoot);
    expect(paragraphs.some((p) => /Weighted by that chance, this what-if\u2019s own premium adds/.test(p))).toBe(true);
    expect(starting(paragraphs, "Chapter 4 finds that premium")).toContain("which uses this what-if\u2019s premium, therefore leans");
    expect(starting(paragraphs, "Built this way, balkanization raises inference costs")).toMatch(/This what-if\u2019s midpoint sits (above|below|close to) our median\./);
    for (const start of ["Chapter 4 finds that premium", "Built this way, balkanization raises inference costs"]) expect(starting(paragraphs, start)).not.toMatch(/the essay\u2019s (premium|midpoint)/);
    const labels = await texts(".fragtax-figure-label", movedRoot);
    expect(labels).toContain("Expected inference cost uplift, this what-if's size × this what-if's probability");
    expect(labels).toContain("Expected inference cost uplift, bottom-up size × this what-if's probability");
  });
});

describe("the report when the essay's bill follows from its inputs and balkanization is certain", () => {
  it("says the frontier-run check beside the arithmetic, the premium as paid, the scenario with no room to rise, and a second stack that costs little", async () => {
    const paragraphs = await texts("p", certainRoot);
    expect(starting(paragraphs, "In short.")).toMatch(/follows from its own inputs, though as the cost of a frontier run it is understated, by a factor of [\d.]+× \([\d.]+×–[\d.]+× across the computed interval\), and Epoch AI\u2019s estimate of a real frontier run, OpenAI\u2019s GPT-4\.5 at \$[\d.]+M–\$[\d.]+M, exceeds the stated bill \(chapter 1\)\./);
    expect(paragraphs.some((p) => p.startsWith("Sovereignty is a genuine cost, and in this build a certain one: balkanization happens, so inference as a whole costs"))).toBe(true);
    expect(paragraphs.some((p) => p.includes("and in the others none of it"))).toBe(false);
    expect(paragraphs.some((p) => p.includes("Our plausible band around the probability does not vary a certainty"))).toBe(true);
    expect(paragraphs.some((p) => /; the Balkanization Trap scenario, at 100%, has no ten points to rise\./.test(p))).toBe(true);
    // Every probability a certainty: held in one list, nothing left over, and nothing to weigh.
    expect(paragraphs.some((p) => p.includes("we hold the Balkanization Trap scenario\u2019s probability at 100% and the Winner Consolidates scenario\u2019s at 0%, certainties the bands do not vary, which leaves the Merchant Era scenario none."))).toBe(true);
    // A certainty already says which future is likeliest: a "though" after it contrasted nothing.
    expect(paragraphs.some((p) => p.includes("none, though at this what-if"))).toBe(false);
    // Chapter 1 on a bill its inputs give: the other readings are named where the paragraph had not named them ("All three exceed").
    expect(paragraphs.some((p) => /^The routes disagree, and the ratio says why: .* All three other readings exceed the stated bill\. /.test(p))).toBe(true);
    expect(paragraphs.some((p) => /^With every probability held, the weighted cost of inference compute is [\d.]+ × today\u2019s cost .*, as at this what-if\u2019s values: a certain future leaves nothing to weigh\.$/.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("need not (above)"))).toBe(false);
    // The sweep of chapter 6's chart reaches this what-if's 100%, where its dashed line is (it stopped at 50%), and only here.
    const sweepTop = (from: string) => Math.max(...[...readFileSync(join(from, "out", "build", "report.html"), "utf8").matchAll(/"pBalkanization":(\d+)/g)].map((m) => Number(m[1])));
    expect([sweepTop(certainRoot), sweepTop(root)]).toEqual([100, 50]);
    expect(starting(paragraphs, "In short.")).toContain("against the Balkanization Trap\u2019s premium, though this what-if\u2019s probabilities give the Merchant Era no chance.");
    expect(paragraphs.some((p) => p.includes("The stated range meets the bottom-up distribution only at its lower edge, so the essay\u2019s size for the premium is possible, though at the edge of what its parts support. What the bottom-up view adds is how wide the honest range is: it depends above all on the number of separate sovereign capacity pools, which nobody yet knows."))).toBe(true);
    expect(paragraphs.some((p) => /A second stack costs little, far short of the essay\u2019s doubling: it adds [\d.]+% \([\d.]+%–[\d.]+%\) to the infrastructure work, not 100%\./.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("A second stack is a real cost"))).toBe(false);
  });
});

describe("the report when a premise is zero", () => {
  it("builds, and says a zero premium, a free second stack and unstranded credits as nothing, not as a cost", async () => {
    const paragraphs = await texts("p", zeroRoot);
    expect(starting(paragraphs, "Built this way, balkanization raises inference costs by 0%")).toContain("The stated range lies above the bottom-up premium, which in this build is nothing: built from its parts, a balkanized future costs no more.");
    expect(paragraphs).toContain("Built from its parts, sovereignty costs nothing in this build: no draw makes a balkanized future costlier, so whatever its chance, it adds nothing to the cost of inference.");
    expect(paragraphs.some((p) => p.includes("gives that future no chance"))).toBe(false);
    expect(paragraphs.some((p) => p.includes("A second stack costs nothing here, where the stacks share all their infrastructure work: it adds none of the essay\u2019s 100%."))).toBe(true);
    expect(paragraphs.some((p) => p.includes("a real cost"))).toBe(false);
    expect(paragraphs.some((p) => p.includes("none of the credits\u2019 expected value is stranded, since, on this what-if, Anthropic would have used 100% of the capacity anyway."))).toBe(true);
    expect(paragraphs.some((p) => /on our judgement, Anthropic would have used|but a fraction of the credits|Amazon\u2019s part of it/.test(p))).toBe(false);
    // Chapter 6 on a premium chapter 4 finds overstated: the lean and its size, not "conservative (too high)".
    expect(paragraphs.some((p) => /^Chapter 4 finds that premium overstated against a bottom-up estimate, whose median is 0%; the weighted index below, which uses the essay\u2019s premium, therefore leans high, by [\d.]+% of today\u2019s cost/.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("conservative"))).toBe(false);
    // The ledger's note on the price-to-sales multiple names this what-if's run rate as such, not "the run rate in a what-if value in place of press reports …".
    const ledger = (await texts("#appendix-claims tbody tr", zeroRoot)).join("\n");
    expect(ledger).toMatch(/On this what-if[\u2019']s run rate, the multiple is/);
    expect(ledger).not.toContain("run rate in a what-if value");
    // The ledger's notes on OpenAI's compute credit this what-if's 2024 figure to it, not to Epoch AI.
    expect(ledger).toMatch(/Against this what-if[\u2019']s estimate for 2024/);
    expect(ledger).toMatch(/Compute \(this what-if[\u2019']s\) ÷ \(compute \+ other costs\)/);
    expect(ledger).not.toMatch(/Against Epoch AI|Compute \(Epoch AI\)/);
    expect(paragraphs.some((p) => /^With one ecosystem taking the whole volume, one generation\u2019s design cost comes to .*; that ecosystem\u2019s share of frontier volume is .* one ecosystem\u2019s volume does not spring the trap by volume alone; .* which the one ecosystem\u2019s whole volume covers\.$/.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("With one ecosystem in this what-if\u2019s count, no volume is split, so this is the only form of the argument that applies here."))).toBe(true);
    expect(paragraphs.some((p) => /Split evenly across the competing ecosystems|splitting volume, which multiplies it by the number of ecosystems|Real shares are not even/.test(p))).toBe(false);
  });

  it("counts as repeating an announced figure only a claim its sources alone give, not a what-if's value", async () => {
    const claims = JSON.parse(readFileSync(join(zeroRoot, "out", "build", "claims.json"), "utf8")) as { id: string; verdict: string; stated: { low: number; high: number }; computed: { low: number; high: number } }[];
    const exact = claims.filter((c) => c.verdict === "consistent" && c.stated.low === c.computed.low && c.stated.high === c.computed.high).map((c) => c.id);
    // Two of them are what-ifs' values: OpenAI's valuation and Anthropic's run rate, each set to the essay's figure.
    expect(exact).toEqual(expect.arrayContaining(["openai_valuation_350b", "anthropic_run_rate"]));
    const words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    const said = /Among the consistent ones, (\w+) repeats? an announced figure exactly/.exec((await texts("p", zeroRoot)).join("\n"))?.[1] ?? "";
    expect(words.indexOf(said)).toBe(exact.length - 2);
  });

  it("credits a replaced figure to the what-if, not to its source, and names the figure that stays at two stacks", async () => {
    const paragraphs = await texts("p, li", zeroRoot);
    const all = paragraphs.join("\n");
    expect(all).toContain("this what-if\u2019s estimate puts OpenAI\u2019s GPT-4.5 final run at $1B–$2B");
    expect(all).toMatch(/this what-if\u2019s estimate of a real frontier run, OpenAI\u2019s GPT-4\.5 at \$1B–\$2B/);
    expect(all).toMatch(/This what-if\u2019s estimate for 2024 is \$[\d.]+B\/year/);
    expect(all).toMatch(/on this what-if\u2019s run rate; the essay\u2019s 100× is/);
    expect(all).not.toMatch(/Epoch AI\u2019s (estimate puts|estimate of a real|estimate for 2024 is)|run rate reported as of/);
    expect(all).toContain("every figure is computed for three hardware stacks, but for the multiplier for two stacks (the check of the essay\u2019s doubling), which stays at two.");
    const labels = (await texts(".fragtax-figure-label", zeroRoot)).join("\n");
    expect(labels).toContain("OpenAI compute spend, 2024 (this what-if's estimate)");
    expect(labels).toContain("Anthropic valuation ÷ this what-if's run rate");
  });
});

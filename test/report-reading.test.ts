/**
 * The Fragmentation Tax read as a reader reads it: the report's own notebooks built by the real CLI
 * into a temp root, and report.html opened in real Chromium, where each check reads rendered text.
 * What is checked here is what a demanding reader found wrong: text that holds in one place of the
 * report and not in another.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../src/report/chromium";
import { BUILD_MS, buildReport, renderedTexts } from "./report-roots";


/**
 * A what-if on the essay's own inputs. It moves the training bill off its baseline, where the
 * ledger's factor (geometric midpoints) and an arithmetic midpoint ÷ median both read 11×; and it
 * fixes three ranges to one value each, as an analyst asking "what if it were $2.50?" does; and it
 * moves the essay's scenario probabilities and two sourced inputs.
 */
const WHAT_IF = [
  ["essay_training_gpu_count", "20000..30000"],
  ["essay_h100_usd_per_gpu_hour", "2.5"],
  ["essay_training_days", "75"],
  ["essay_anthropic_run_rate_usd", "3.5e9"],
  // Scenario probabilities that still sum to 1, one of them said with a vowel ("eighty-five").
  ["scenario_merchant_era_probability", "0.85"],
  ["scenario_balkanization_probability", "0"],
  // Two claims the ledger then finds consistent: 12 of its 18 checked magnitudes hold.
  ["openai_valuation_usd", "350e9"],
  ["fed_funds_upper_bound", "0.0425"],
].flatMap(([id, value]) => ["--set", `${id}=${value ?? ""}`]);

/**
 * The what-ifs a reviewing economist tried, at once: the essay's GPU price ×10 (its training bill then
 * holds), nearly all engineering specific to a stack (the "doubling" then holds), pooled utilization
 * near full (lost pooling becomes the smallest part of the tax and the structural alternatives agree)
 * and nearly all inference sovereign. Each once left typed words beside moved numbers.
 */
const REVIEWED = [
  ["essay_h100_usd_per_gpu_hour", "20..30"],
  ["stack_specific_engineering_share", "0.9..1"],
  ["pooled_fleet_utilization", "0.95..0.99"],
  ["sovereign_inference_share", "0.9..1"],
  // A custom chip that saves less: the share of a generation's volume it needs runs past 100% at p95.
  ["custom_chip_saving_usd_per_chip_hour", "0.02..0.1"],
  // A cap far above any payment path: it never binds within the horizon.
  ["openai_microsoft_revenue_share_cap_usd", "500e9..900e9"],
  // A third stack: the typed "two stacks" of chapter 8 is flagged, the summary's composite lab says three.
  ["optimization_pipeline_count", "3"],
].flatMap(([id, value]) => ["--set", `${id}=${value ?? ""}`]);

let root = "";
let whatIfRoot = "";
let reviewedRoot = "";
let chromium: LaunchedChromium;


beforeAll(async () => {
  root = buildReport([]);
  whatIfRoot = buildReport(WHAT_IF);
  reviewedRoot = buildReport(REVIEWED);
  chromium = await launchChromium();
}, 3 * BUILD_MS);

afterAll(async () => {
  await chromium.close();
  for (const dir of [root, whatIfRoot, reviewedRoot]) rmSync(dir, { recursive: true, force: true });
});

/** The rendered text (innerText) of each element the selector matches, in the report built in `from`. */
const texts = (selector: string, from = root): Promise<string[]> => renderedTexts(chromium, selector, from);

describe("the report's appendices", () => {
  it("send Appendix B's reader to the chapter that holds a figure's alternatives, not to 'the next section'", async () => {
    const rows = await texts("#appendix-figures tbody tr");
    const share = rows.find((r) => r.includes("fragmentation_tax_share_of_compute")) ?? "";
    expect(share).toMatch(/as modelled; medians [\d.]+%–[\d.]+% under the alternatives in chapter 8/);
    expect(rows.filter((r) => /next section|previous section|above|below/.test(r))).toEqual([]);
  });
});

describe("the claims ledger beside the chapters", () => {
  it("quotes the essay's own price-to-sales division with the figure chapter 5 gives it", async () => {
    const figure = (await texts('[data-figure-id="anthropic_price_to_sales_essay_run_rate"]')).join("");
    const multiple = /\d+× \(90% interval [\d.]+×–[\d.]+×\)/.exec(figure)?.[0];
    expect(multiple).toBeDefined();
    const row = (await texts("#appendix-claims tbody tr")).find((r) => r.includes("price-to-sales multiple")) ?? "";
    expect(row).toContain(`The sourced valuation over that run rate gives ${multiple ?? "?"}`);
    expect(row).toMatch(/The essay.s division, its valuation over its own run rate, gives [\d.]+×–[\d.]+×: the arithmetic is right\./);
  });
});

describe("the essay's training bill", () => {
  it("says the box's dearest corner falls short, not that the box 'spans' from its cheapest when 'even' at its dearest", async () => {
    const paragraph = (await texts("p")).find((p) => p.startsWith("Multiplied out, the essay")) ?? "";
    expect(paragraph).toMatch(/Even at the most expensive corner of the stated input ranges, the box comes to only \$[\d.]+M \(\$[\d.]+M at the cheapest\)\. The stated figure/);
  });
});

describe("a chart scaled to its curve", () => {
  it("says when the band it draws runs past its top (chapter 7: the savings band above the design-cost curve)", async () => {
    const paragraph = (await texts("p")).find((p) => p.startsWith("The green band")) ?? "";
    const savingHigh = Number(/GPU, \$[\d.]+–\$([\d.]+)/.exec(paragraph)?.[1]);
    const tab = await chromium.browser.newPage();
    let top = Number.NaN;
    try {
      await tab.goto(pathToFileURL(join(root, "out", "build", "report.html")).href, { waitUntil: "load" });
      const label = (await tab.evaluate(`document.querySelector('[aria-label^="Y-axis titled \\'Design cost"]').getAttribute("aria-label")`)) as string;
      top = Number(/values from [\d.]+ to ([\d.]+)/.exec(label)?.[1]);
    } finally {
      await tab.close();
    }
    expect(savingHigh).toBeGreaterThan(top);
    expect(paragraph).toContain("the chart is scaled to the curve, so the band runs on past its top");
  });
});

describe("the essay's training bill under a what-if", () => {
  it("is off by one factor in chapter 1, the summary and the ledger", async () => {
    const paragraph = (await texts("p", whatIfRoot)).find((p) => p.startsWith("Multiplied out, the essay")) ?? "";
    const [, factor, spanLow, spanHigh] = /by a factor of ([\d.,]+×) \(([\d.,]+×)–([\d.,]+×) against the ends of the box.s 90% interval\)/.exec(paragraph) ?? [];
    expect(factor).toBeDefined();
    // No second, differently computed "midpoint is N×" beside it: the factor, its span and the corner only.
    const lowEnd = /([\d.,]+×) the box.s highest corner/.exec(paragraph)?.[1];
    expect(paragraph.match(/\d[\d.,]*×/g)?.filter((n) => ![factor, spanLow, spanHigh, lowEnd].includes(n))).toEqual([]);
    const row = (await texts("#appendix-claims tbody tr", whatIfRoot)).find((r) => r.startsWith("The essay's run")) ?? "";
    expect(row.split("\t").map((cell) => cell.trim())[4]).toBe(factor);
    expect((await texts("p", whatIfRoot)).some((p) => p.includes(`the cost of a training run, the most concrete it gives, is ${factor ?? "?"} (${spanLow ?? "?"}–${spanHigh ?? "?"} across the computed bill\u2019s 90% interval) what its own inputs give`))).toBe(true);
  });
});

describe("ranges an input fixed to one value", () => {
  it("read as that value, never as '$2.50–$2.50'", async () => {
    const page = (await texts("body", whatIfRoot)).join("\n");
    expect(page).toContain("for 75 days at $2.50 per GPU-hour");
    expect(page).toContain("On the essay\u2019s run rate of $3.5B,");
    expect(page.match(/(?<![\d.,$])(\$?[\d.,]+[KMBT]?%?)–\1(?![\d.,])/g) ?? []).toEqual([]);
  });
});

describe("the summary's tally of the ledger", () => {
  it("says what the evidence contradicts (6 of 18: 'fewer than half'), and what 'consistent' means, never that a claim 'holds'", async () => {
    const summary = (await texts("p", whatIfRoot)).find((p) => p.startsWith("In short.")) ?? "";
    expect(summary).toContain("18 can be checked, and the evidence contradicts fewer than half of them: 12 are consistent");
    // The figures counted twice, said after the tally, not in a parenthesis inside it.
    expect(summary).toContain("Two figures are counted twice: the bill for a training run (as arithmetic on the essay’s own inputs, and as the cost of a frontier run) and Anthropic’s run rate (as itself, out of date, and through the price-to-sales multiple it divides). The essay’s figure for the cost of a training run");
    expect(summary).toContain("where consistent means only that the essay’s range overlaps ours");
    expect(summary).toContain("The report takes the essay’s mechanisms as given");
    expect(summary).not.toMatch(/of them hold|direction holds up/);
    // Beside the count, how many of the contradictions rest on our own judgement, as the ledger marks them.
    const claims = JSON.parse(readFileSync(join(root, "out", "build", "claims.json"), "utf8")) as { verdict: string; basis?: { judgementLed?: boolean } }[];
    const off = claims.filter((c) => c.verdict === "overstated" || c.verdict === "understated");
    const words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    const asBuilt = (await texts("p")).find((p) => p.startsWith("In short.")) ?? "";
    const judged = /Of the (\w+) magnitudes it contradicts, (\w+) rests? mainly on our own judgement rather than on published figures \(marked in Appendix C\)\./.exec(asBuilt);
    expect([words.indexOf(judged?.[1] ?? ""), words.indexOf(judged?.[2] ?? "")]).toEqual([off.length, off.filter((c) => c.basis?.judgementLed === true).length]);
  });
});

describe("a number in a sentence", () => {
  it("takes the article it is said with: 'has an 85% probability'", async () => {
    const claims = await texts('[data-claim-id^="scenario_"]', whatIfRoot);
    expect(claims.find((c) => c.includes("Merchant Era"))).toContain("The Merchant Era has an 85% probability");
    expect(claims.find((c) => c.includes("Balkanization Trap"))).toContain("The Balkanization Trap has a 0% probability");
  });
});

/**
 * Each matching element's text as a phone (390 px) lays it out, with "|" where a rendered line
 * breaks (a character set lower than the one before it).
 */
async function phoneLines(selector: string): Promise<string[]> {
  const tab = await chromium.browser.newPage();
  try {
    await tab.setViewport({ width: 390, height: 800 });
    await tab.goto(pathToFileURL(join(root, "out", "build", "report.html")).href, { waitUntil: "load" });
    return (await tab.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let out = "", top = null;
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const y = range.getClientRects()[0]?.top ?? top;
          if (top !== null && y > top + 2) out += "|";
          top = y;
          out += node.data[i];
        }
      }
      return out;
    })`)) as string[];
  } finally {
    await tab.close();
  }
}

describe("the appendix on a phone (390 px)", () => {
  it("breaks a correlated pair's ids after their underscores, never inside a word", async () => {
    const ids = await phoneLines("#appendix-assumptions td code:not(.assumption-id)");
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => /[^_]\|/.test(id))).toEqual([]);
  });

  // On a phone Appendix B's "Declared in" runs across its card: a path breaks, if at all, after its
  // folder, never inside "05-who-pays" (a word longer than its column still breaks where it must).
  it("breaks Appendix B's 'Declared in' paths after their folder, not inside '05-who-pays'", async () => {
    const cells = await phoneLines("#appendix-figures td:last-child");
    expect(cells.length).toBeGreaterThan(30);
    expect(cells.filter((cell) => !cell.split("|").some((line) => /(^|\/)\d\d-[a-z-]+\.ipynb/.test(line)))).toEqual([]);
    expect(cells.filter((cell) => !cell.startsWith("notebooks/"))).toEqual([]);
  });
});

describe("words that follow their numbers under the reviewed what-ifs", () => {
  it("a training bill the box holds lies within it, and a 'doubling' that holds is borne out, not left without a verdict", async () => {
    const paragraphs = await texts("p", reviewedRoot);
    const bill = paragraphs.find((p) => p.startsWith("Multiplied out, the essay")) ?? "";
    expect(bill).toContain("it lies within the box\u2019s span");
    expect(bill).not.toContain("highest corner");
    const summary = paragraphs.find((p) => p.startsWith("In short.")) ?? "";
    expect(summary).toMatch(/engineering is [\d.]+× \(90% interval [\d.]+×–[\d.]+×\) on our reading, which bears it out, a verdict that rests on our judgement/);
    // The structural alternatives' medians agree here: one number, never "12%–12%".
    expect(summary).not.toMatch(/ ([\d.]+%)–\1 under the structural alternatives/);
  });

  it("lost pooling is called the largest part only when it is, and equal medians are one number", async () => {
    const paragraphs = await texts("p", reviewedRoot);
    const parts = paragraphs.find((p) => p.startsWith("As built, the fragmentation tax")) ?? "";
    // Lost pooling is a small part here: said draw by draw, with the part that is largest most often.
    expect(parts).toMatch(/Lost pooling is [\d.]+% \(90% interval [^)]*\) of the whole, the largest part in (none|only [\d.]+%) of the simulated futures \((duplicated engineering|the expected sovereignty premium) in [\d.]+%\); it also rests on the choices/);
    const built = (await texts("p", root)).find((p) => p.startsWith("As built, the fragmentation tax")) ?? "";
    // Decided draw by draw: in the report as built, lost pooling is the largest part in nearly every simulated future.
    expect(built).toMatch(/of the whole, the largest of the three parts in (9\d|100)% of the simulated futures;/);
    // Chapter 8 holds the alternatives: its own prose points to its next section, not to "chapter 8".
    expect(built).toContain("under the alternatives in the next section");
    expect(built).not.toContain("chapter 8");
    const alternatives = paragraphs.find((p) => p.startsWith("With pooling lost on inference only")) ?? "";
    expect(alternatives).not.toMatch(/runs from ([\d.]+%) to \1,/);
    expect(alternatives).not.toContain("best read as the upper end");
    expect(alternatives).toContain("matters less than the spread of the inputs");
  });

  it("chapter 5 gives the policy rate's gap in percentage points, not as a ratio of two rates", async () => {
    const paragraphs = await texts("p", root);
    const rate = paragraphs.find((p) => p.includes("for the policy rate is")) ?? "";
    // As of its source, which cannot show a later change before the essay's date.
    expect(rate).toMatch(/for the policy rate is overstated: the top of the Federal Reserve’s target range was [\d.]+%, [\d.]+ percentage points below 4% \(Federal Reserve, FOMC statement, 2025-12-10; no later change is among our inputs\)\./);
    expect(rate).not.toMatch(/policy rate is [^.]*×/);
  });

  it("chapter 5 says an understated figure in one sentence, with one colon", async () => {
    const page = (await texts("p", reviewedRoot)).join("\n");
    expect(page).toMatch(/understated, our check giving about [\d.]+×( \([\d.]+×–[\d.]+× across our check.s interval\))? as much/);
    expect(page).not.toMatch(/: (overstated|understated|consistent)[^.]*: our check/);
  });
});

describe("what moves the headline", () => {
  it("ranks the inputs against the tax as a share of compute in chapter 8 and the summary alike, and says what the lab's size moves", async () => {
    const paragraphs = await texts("p, li");
    const research = paragraphs.find((p) => p.startsWith("The three inputs that most drive the tax as a share of compute, the headline, are:"));
    expect(research).toBeDefined();
    expect(paragraphs.some((p) => /The yearly bill in dollars also grows with the lab\u2019s compute spend \(\u03c1 = [\u2212\d.]+ with the bill, [\u2212\d.]+ with the share\): a bigger lab pays more, (but not a larger part|and, through the correlations declared among the inputs, a somewhat (smaller|larger) part) of its compute\./.test(p))).toBe(true);
    // The summary's three are chapter 8's three, with the same ρ.
    const items = await texts("li");
    const rhoOf = (text: string): string | undefined => /\(\u03c1 = ([\u2212\d.]+);/.exec(text)?.[1];
    const chapter8 = items.filter((li) => /\(\u03c1 = [\u2212\d.]+; source: /.test(li)).slice(0, 3).map(rhoOf);
    const summary = items.filter((li) => /\(\u03c1 = [\u2212\d.]+; [^()]+(\([^)]*\))?\)$/.test(li) && !li.includes("source:")).slice(0, 3).map(rhoOf);
    expect(chapter8).toHaveLength(3);
    expect(summary).toEqual(chapter8);
    // The tornado's bar with no width is named: the lab's compute spend scales the bill, not the share
    // (equal ends to within rounding: the share divides by it, so they differ in their last bits).
    expect(paragraphs.find((p) => p.startsWith("The dashed line is the tax with every input at its median"))).toMatch(/The input whose bar has no width does not move the share when swung alone, every other input held at its median: Lab compute spend\. The rank correlations below vary every input at once, so they can still give it some weight\.$/);
  });
});

describe("what a chart and a sweep show", () => {
  it("says what chapter 4's band is, and gives chapter 6's moves as signed shares of today's cost", async () => {
    const paragraphs = await texts("p, li");
    expect(paragraphs.some((p) => /^The shaded band is the uplift the essay states, [\d.]+%\u2013[\d.]+%; the bars are the model\u2019s [\d,]+ draws of the uplift built up from its parts\.$/.test(p))).toBe(true);
    const sweep = paragraphs.find((p) => p.includes("moves the weighted cost by this much of today\u2019s cost, computed draw by draw:"));
    // Each move with its 90% interval, computed draw by draw; a move whose interval spans zero is said to be of uncertain direction.
    const signed = "[+\u2212][\\d.]+%";
    const move = (name: string) => `${name} ${signed} \\(90% interval ${signed} to ${signed}\\)`;
    expect(sweep).toMatch(new RegExp(`computed draw by draw: ${move("Merchant Era")}, ${move("Balkanization Trap")}, ${move("Winner Consolidates")}\\.( For [^.]+, even the direction of the move is uncertain: (its|their) intervals? spans? zero\\.)?$`));
    const spansZero = [...(sweep ?? "").matchAll(/([A-Z][a-z]+(?: [A-Z][a-z]+)+) [+\u2212][\d.]+% \(90% interval ([+\u2212])[\d.]+% to ([+\u2212])[\d.]+%\)/g)].filter((m) => m[2] !== m[3]).map((m) => m[1]);
    for (const name of spansZero) expect(sweep).toContain(`For ${name}`);
  });
});

describe("what the chapters say of their inputs", () => {
  it("dates chapter 5's check of OpenAI's compute, says whose figures chapter 3 and 7 rest on, and gives chapter 1's compute-priced bill", async () => {
    const paragraphs = await texts("p, li");
    expect(paragraphs.some((p) => /Epoch AI\u2019s estimate for 2024 is .* The estimate is for 2024, and spending in 2025\u201326 is likely higher(: for the year the essay was written, its range is, if anything, low|, which narrows the gap for the year the essay was written)\./.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("Amazon\u2019s part of it rests on the essay\u2019s own figure for its tranche, which no source among our inputs confirms."))).toBe(true);
    // Whose the premises are: the essay's design cost and ecosystem count, and our judgement of volume and savings, with its weight computed.
    expect(paragraphs.some((p) => /On the essay\u2019s design cost and ecosystem count, with our judgement of each generation\u2019s volume and of what a custom chip saves per hour \(which carry [\d.]+% of this interval\u2019s sensitivity\), an even split across its ecosystems does not spring the trap by volume alone/.test(p))).toBe(true);
    expect(paragraphs.some((p) => /^A larger run priced from its compute\. From the compute a frontier run needs, .* the bill is \$[\d.]+[MB] \(90% interval \$[\d.]+[MB]–\$[\d.]+[MB]\) \(the next section\)/.test(p))).toBe(true);
    // Ratios the prose quotes come with their intervals, and what a figure rests on is computed, not typed.
    expect(paragraphs.some((p) => /The routes disagree, and the ratio says why: a run of the size the FLOP range gives needs [\d.]+× \(90% interval [\d.]+×–[\d.]+×\) the compute that the essay\u2019s cluster delivers in the essay\u2019s duration\./.test(p))).toBe(true);
    expect(paragraphs.some((p) => /one run is [\d.]+% \(90% interval [\d.]+%–[\d.]+%\) of the yearly compute bill the essay gives OpenAI,/.test(p))).toBe(true);
    expect(paragraphs.some((p) => /the payment is [\d.]+× \(90% interval [\d.]+×–[\d.]+×\) OpenAI\u2019s yearly compute bill as the essay states it \(chapter 5\)\./.test(p))).toBe(true);
    // The unverifiable claims are named from the ledger: as many names as the count says.
    const ledgerLine = paragraphs.find((p) => p.startsWith("The ledger holds"));
    const [, count, names] = /and (\d+) unverifiable \(the unverifiable ones?: (.*?)\)\./.exec(ledgerLine ?? "") ?? [];
    expect(names?.split("; ")).toHaveLength(Number(count));
    expect(paragraphs.some((p) => /^Credits stranded .*\(chapter 3\); the figure rests (mostly|partly) on our judgement, above all of the share of single-cloud credits the lab would have spent there anyway \([\d.]+% of its sensitivity\)\./.test(p))).toBe(true);
  });
});

describe("what an average and an assumption leave out", () => {
  it("gives the outcome beside each expected value, the even split's condition, structure before inputs, and the dollar alternatives", async () => {
    const paragraphs = await texts("p, li");
    // Chapter 6: the weighted index's interval is an average's; the outcome drawn by the probabilities is wider.
    const outcome = paragraphs.find((p) => p.startsWith("That is an expected value"));
    const [, low, high] = /the cost of inference compute is [\d.]+ × today\u2019s cost \(90% interval ([\d.]+)\u2013([\d.]+) × today\u2019s cost\): below today\u2019s in [\d.]+% of draws, and more than 30% above it in [\d.]+%\./.exec(outcome ?? "") ?? [];
    const weighted = /Weighted by them, the cost of inference compute is [\d.]+ × today\u2019s cost \(90% interval ([\d.]+)\u2013([\d.]+) ×/.exec(paragraphs.join("\n"));
    expect(Number(low)).toBeLessThan(Number(weighted?.[1]));
    expect(Number(high)).toBeGreaterThan(Number(weighted?.[2]));
    expect(paragraphs.some((p) => p.includes("stays within about") && !p.includes("need not"))).toBe(false);
    // Said of the medians, as near as they are (it read "within 15%", a fixed threshold, of medians 5% above), and "offsets" only where both pulls are material.
    const near = paragraphs.find((p) => p.startsWith("With the probabilities themselves uncertain"));
    const [, varied, held, within] = /weighted cost of inference compute is ([\d.]+) × today\u2019s cost .*, against ([\d.]+) × today\u2019s cost .* stays within about (\d+)% of today\u2019s, because the cheap Merchant Era offsets the dear Balkanization Trap/.exec(near ?? "") ?? [];
    expect(Number(within)).toBe(Math.round(100 * Math.max(Math.abs(Number(varied) - 1), Math.abs(Number(held) - 1))));
    // The Balkanization Trap's base is a structural choice, and its alternative is computed draw by draw.
    expect(paragraphs.some((p) => /If prices fell as in the Merchant Era and the premium came on top of them, the Balkanization Trap\u2019s index would be [\d.]+ \(90% interval [\d.]+\u2013[\d.]+\) and the weighted cost [\d.]+ \(90% interval [\d.]+\u2013[\d.]+\), (above|below|close to) today\u2019s at the median\./.test(p))).toBe(true);
    // Chapter 4: the weighted premium, and who bears it if balkanization happens.
    expect(paragraphs.some((p) => /in the future where balkanization happens, inference as a whole costs the whole [\d.]+% \(90% interval [\d.]+%\u2013[\d.]+%\) more, borne by whoever serves the traffic that must stay in its country, and in the others none of it is paid\./.test(p))).toBe(true);
    // Chapter 7: the break-even verdict is said of an even split, before it is given; the share a design needs is computed, as the test real shares face.
    expect(paragraphs.some((p) => /^Split evenly across the competing ecosystems, .* On an even split, the volume clears break-even across that interval: .* an even split across its ecosystems does not spring the trap by volume alone; .* Real shares are not even, so the test for each ecosystem is its own share: a custom design needs [\d.]+% \(90% interval [\d.]+%\u2013[\d.]+%\) of a generation\u2019s frontier volume to break even/.test(p))).toBe(true);
    // Chapter 8: the structural question comes before the inputs when the alternatives lie outside the interval.
    expect(paragraphs.some((p) => p.includes("the first question for research is structural"))).toBe(true);
    expect(paragraphs.some((p) => p.includes("worth more than refining anything else"))).toBe(false);
    // The summary's dollar figure with its structural alternatives.
    expect(paragraphs.some((p) => /^The fragmentation tax on a frontier lab comes to \$[\d.]+[MB] \(90% interval \$[\d.]+[MB]\u2013\$[\d.]+[MB]\) a year, .* under the structural alternatives of chapter 8; in dollars, those alternatives give medians of \$[\d.]+[MB]\u2013\$[\d.]+[MB] a year\./.test(p))).toBe(true);
  });

  it("says what a checked claim shows, gives each prose ratio its interval, and words what the data decide by the data", async () => {
    const paragraphs = await texts("p, li");
    const summary = paragraphs.find((p) => p.startsWith("In short.")) ?? "";
    // A consistent verdict that only repeats an announced figure is said to check the quotation.
    expect(summary).toMatch(/Among the consistent ones, (?:one|two|three|four|five|six|seven|eight|nine|\d{2,}) repeats? an announced figure exactly: the source confirms the essay quoted it, not the argument built on it\./);
    expect(summary).toMatch(/is [\d.]+× \([\d.]+×–[\d.]+× across the computed bill.s 90% interval\) what its own inputs give/);
    // Every ratio a chapter gives a claim comes with its span: chapter 5's multiple as chapter 1's bill.
    expect(paragraphs.some((p) => /the essay\u2019s 100× is overstated, about [\d.]+× \([\d.]+×–[\d.]+× across our check\u2019s interval\) what our check gives/.test(p))).toBe(true);
    expect(summary).toMatch(/engineering is [\d.]+× \(90% interval [\d.]+×–[\d.]+×\) on our reading/);
    expect(summary).toContain("under half of compute spend even at its 95th percentile");
    // A frontier run's cost estimated from spending, set against the stated bill in chapter 1 and the summary alike.
    expect(summary).toMatch(/, while Epoch AI\u2019s estimate of a real frontier run, OpenAI\u2019s GPT-4\.5 at \$[\d.]+M\u2013\$[\d.]+M, (overlaps|falls short of|exceeds) the stated bill\./);
    expect(paragraphs.some((p) => /A cost estimated from spending rather than modelled agrees: Epoch AI\u2019s estimate puts OpenAI\u2019s GPT-4\.5 final run at \$[\d.]+M\u2013\$[\d.]+M, which overlaps the stated bill: for a frontier run of its time the stated bill is of the right size/.test(p))).toBe(true);
    expect(paragraphs.some((p) => /, a factor of up to [\d.]+× \(draw by draw, [\d.]+×–[\d.]+×\)\./.test(p))).toBe(true);
    expect(paragraphs.some((p) => /against twice that bill the charge would still be [\d.]+× it \(90% interval [\d.]+×–[\d.]+×\)\./.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("(medians)"))).toBe(false);
    // Chapter 8's research list cites our judgement as the ledger does, and says why stranded credits are not in the yearly bill.
    expect(paragraphs.some((p) => /; source: our judgement \(\d{4}-\d{2}-\d{2}\)\)/.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("source: fragtax analysts"))).toBe(false);
    expect(paragraphs.some((p) => p.includes("Credits stranded on single clouds (chapter 3) are not a fourth part"))).toBe(true);
    // As built, the structural alternatives lie outside the interval: structure is the first kind of evidence.
    expect(paragraphs.some((p) => p.startsWith("Two kinds of evidence would move the bottom line. The first is structural:"))).toBe(true);
    // With pooled utilization near full, the alternatives agree: the inputs come first, structure second, and the
    // lab's size barely moves the bill, which is said rather than "a bigger lab pays more".
    const reviewed = await texts("p, li", reviewedRoot);
    expect(reviewed.some((p) => p.startsWith("Two kinds of evidence would move the bottom line. The first is the inputs"))).toBe(true);
    // In chapter 8's words (one rule, one phrase: structuralWeight), with the fourth alternative named.
    expect(reviewed.some((p) => /^The second is structural: .*whether a lab splits its fleets or its workloads between them \(chapter 8.s alternatives\), which matter (less than|about as much as) the spread of the inputs\.$/.test(p))).toBe(true);
    expect(reviewed.some((p) => p.includes("the structural choice matters less than the spread of the inputs"))).toBe(true);
    expect(reviewed.some((p) => /The yearly bill in dollars tracks the lab\u2019s compute spend only (loosely|barely) \(\u03c1 = [\u2212\d.]+ with the bill, [\u2212\d.]+ with the share\): on these ranges (?:one|two|three|four|five|six|seven|eight|nine|\d{2,}) other inputs? moves? it more than the lab\u2019s size does\./.test(p))).toBe(true);
    expect(reviewed.some((p) => p.includes("a bigger lab pays more"))).toBe(false);
    // The essay's price ×10: its arithmetic holds and the routes' costs meet, but only by the price: in compute they still part.
    expect(reviewed.some((p) => /^The routes meet in cost only because they price a GPU-hour differently \(\$20–\$30 a GPU-hour in this what-if, \$[\d.]+–\$[\d.]+ at market\), and part in compute: a run of the size the FLOP range gives needs [\d.]+× \(90% interval [\d.]+×–[\d.]+×\)/.test(p))).toBe(true);
    expect(reviewed.some((p) => p.startsWith("The routes agree"))).toBe(false);
    expect(paragraphs.some((p) => p.includes("The stated range overlaps the bottom-up distribution, so the essay\u2019s size for the premium is plausible."))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith("The routes disagree, and the ratio says why: a run of the size the FLOP range gives needs"))).toBe(true);
    // A break-even share whose interval runs past 100% is said to exceed the whole volume there.
    expect(reviewed.some((p) => /a custom design needs [\d.]+% \(90% interval [\d.]+%\u2013[\d.]+%\) of a generation\u2019s frontier volume to break even \(in the upper part of that interval, more than the whole volume, which no single ecosystem can have\)/.test(p))).toBe(true);
  });

  it("says what a figure is an upper bound on, a floor of, or the median of, and that a running cost does not size a one-off move", async () => {
    const paragraphs = await texts("p, li");
    expect(paragraphs.some((p) => /of the credits\u2019 expected value is stranded\. Counted at face value, that is an upper bound on Anthropic\u2019s loss/.test(p))).toBe(true);
    expect(paragraphs.some((p) => p.includes("a real loss"))).toBe(false);
    expect(paragraphs.some((p) => /the least that someone has to pay in rent, before power and operations\./.test(p))).toBe(true);
    expect(paragraphs.some((p) => /as an undiscounted sum \(each the median of the draw-by-draw difference, which is not the difference of the two medians above\)\./.test(p))).toBe(true);
    expect(paragraphs.some((p) => /is the cost of running it, not of moving to it, and says nothing about the size of a one-off move\./.test(p))).toBe(true);
    const ledger = (await texts("#appendix-claims", root)).join("\n");
    expect(ledger).toContain("Checked against");
    expect(ledger).toMatch(/Not checkable: migration costs are not disclosed\. The model.s nearest figure is the yearly cost of a second hardware stack.s engineering, .* a year: a running cost, not the one-off cost of a move/);
    expect(ledger).not.toMatch(/would take [\d.]+\u2013[\d.]+ years/);
    // A cap that binds in a draw or two of 10,000 is said to bind too rarely to move what it removes, not
    // given as "$0 (90% interval $0)", nor as binding in none of them.
    const capped = (await texts("p", reviewedRoot)).find((p) => p.startsWith("Without a cap, the payments add up to")) ?? "";
    // So few draws are counted, not given a median and an interval.
    expect(capped).toMatch(/it binds in 0\.0\d+% of the simulated futures; in (that one draw|those \d+ draws) of 10,000, it first cuts a payment in 20\d\d(–20\d\d)?\. It binds in too few of them to move what it removes off zero, even at the 95th percentile\./);
    expect(capped).not.toContain("In none of the simulated futures");
    expect(capped).not.toContain("transfer from Microsoft");
    const reviewed = await texts("p, li", reviewedRoot);
    expect(reviewed).toContain("This build counts three hardware stacks, not the essay\u2019s two: where the text of this chapter speaks of two stacks, two pools or the second stack, every figure is computed for three hardware stacks.");
    expect(reviewed.some((p) => p.includes("and three hardware stacks (Anthropic runs two)."))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith("This build counts"))).toBe(false);
    // The plausible band of the Balkanization probability is points around the essay's figure: it moves with a what-if on it.
    const band = /our plausible band around the essay\u2019s \(([^)]*)\)/;
    expect(band.exec(paragraphs.join("\n"))?.[1]).toBe("10%\u201340%");
    // At a what-if's 0% the band does not vary a certainty (cut at 0 alone, it once charged a sovereignty part of the tax).
    const atZero = (await texts("p, li", whatIfRoot)).join("\n");
    expect(band.exec(atZero)).toBeNull();
    expect(atZero).toContain("Our plausible band around the probability does not vary a certainty, so letting it vary changes nothing here.");
    expect(atZero).toMatch(/we let the Winner Consolidates scenario\u2019s probability vary across [\d%–]+ \(plausible bands around this what-if\u2019s figures, Appendix A\); we hold the Balkanization Trap scenario\u2019s probability at 0%, a certainty the band does not vary, and give the Merchant Era scenario the remainder\./);
    const figures = JSON.parse(readFileSync(join(whatIfRoot, "out", "build", "figures.json"), "utf8")) as { id: string; p95?: number }[];
    expect(figures.find((f) => f.id === "fragmentation_tax_sovereignty_usd")?.p95).toBe(0);
  });

  it("names our judgement as such in the ledger, and shows a decimal year as the model uses it", async () => {
    const body = (await texts("body")).join("\n");
    expect(body).toContain("Checked against our judgement (2026-04-28):");
    expect(body).not.toContain("Against fragtax analysts");
    expect((await texts("#appendix-assumptions tr", root)).find((row) => row.includes("openai_azure_partnership_start_year"))).toContain("2019.55");
  });
});

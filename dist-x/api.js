// src/api/context.ts
var RUN_CONTEXT = /* @__PURE__ */ Symbol.for("fragtax.run-context");
function displayOf(host) {
  if (!isDenoJupyter(host)) return host.display;
  const raw = (mime, data) => void host.display({ [mime]: data }, { raw: true });
  return { markdown: (text) => raw("text/markdown", text), html: (text) => raw("text/html", text), raw };
}
function isDenoJupyter(host) {
  return typeof host.display === "function";
}
function runContextOf(host) {
  const context = host[RUN_CONTEXT];
  return isRunContext(context) ? context : void 0;
}
function isRunContext(value) {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value;
  return typeof candidate.recordFigure === "function" && typeof candidate.recordClaim === "function" && typeof candidate.assumptions === "object" && typeof candidate.montecarlo === "object";
}

// src/api/assumptions-port.ts
import { readFileSync as readFileSync2 } from "node:fs";

// src/messages/location.ts
var at = (where) => {
  if (!("line" in where)) return `${where.file}: cell ${where.cell}`;
  if (where.cell === void 0) return `${where.file ?? "?"}:${where.line}:${where.column}`;
  const inCell = `cell ${where.cell}, line ${where.line}, column ${where.column}`;
  return where.file === void 0 ? inCell : `${where.file}: ${inCell}`;
};
var located = (where, text) => `${at(where)}: ${text}`;

// src/util/errors.ts
var EXIT_USAGE = 2;
var FragtaxError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
};
var InputError = class extends FragtaxError {
  exitCode = EXIT_USAGE;
};

// src/assumptions/errors.ts
var AssumptionError = class extends InputError {
  file;
  line;
  column;
  id;
  problems;
  constructor(problems) {
    super(problems.map((p) => located(p, p.text)).join("\n"));
    const [first] = problems;
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.id = first.id;
    this.problems = problems;
  }
};
var UNKNOWN_ASSUMPTION = "UnknownAssumptionError";
var UnknownAssumptionError = class extends Error {
  constructor(id, nearest, file, message) {
    super(message);
    this.id = id;
    this.nearest = nearest;
    this.file = file;
  }
  id;
  nearest;
  file;
  name = UNKNOWN_ASSUMPTION;
};

// src/messages/suggestion.ts
var didYouMean = (nearest) => {
  const names = (typeof nearest === "string" ? [nearest] : nearest ?? []).filter((name) => name !== "");
  return names.length === 0 ? "" : `; did you mean ${names.map((name) => `"${name}"`).join(", ")}?`;
};

// src/messages/assumptions.ts
var list = (items) => items.map((item) => `"${item}"`).join(", ");
var forId = (id) => id === void 0 ? "" : `assumption "${id}": `;
var malformedYaml = (detail, nearId) => {
  const where = nearId === void 0 ? "" : ` (in or just after assumption "${nearId}")`;
  return `malformed YAML${where}: ${detail}`;
};
var assumptionsFileTooLarge = (megabytes, limit) => `the file is ${megabytes.toFixed(1)} MB; an assumptions file may be at most ${limit} MB (is it the right file?)`;
var notAnAssumptionsFile = () => `expected a mapping with an "assumptions:" list at the top level`;
var unknownTopLevelKey = (key, known, meant) => meant === void 0 ? `unknown top-level key "${key}"; the file may only contain ${list(known)}` : `unknown top-level key "${key}"${didYouMean(meant)} The file may only contain ${list(known)}`;
var unknownField = (id, key, nearest, known) => `${forId(id)}unknown field "${key}"${didYouMean(nearest)} Known fields: ${list(known)}`;
var keyWithoutSpace = (id, written, entries) => `${forId(id)}"${written}" is read as one key, as a key's colon needs a space after it; write ${entries.join(", ")}`;
var missingId = () => `an assumption has no "id" (snake_case, e.g. h100_usd_per_gpu_hour)`;
var badId = (id) => {
  const odd = [...id].map((c) => c.codePointAt(0) ?? 0).find((code) => code > 126 || code < 32);
  const named = odd === void 0 ? "" : `; it has U+${odd.toString(16).toUpperCase().padStart(4, "0")}, which is not an ASCII letter`;
  return `assumption id "${id}" must be snake_case: lowercase letters, digits and underscores, starting with a letter${named}`;
};
var duplicateId = (id, firstLine) => `${forId(id)}duplicate id; it is already defined on line ${firstLine}`;
var missingSource = (id) => `${forId(id)}missing "source: { title, url?, date }"; every figure needs a source`;
var missingField = (id, field) => `${forId(id)}missing required field "${field}"`;
var notAFiniteNumber = (input) => typeof input !== "number" || Number.isFinite(input) ? void 0 : Number.isNaN(input) ? "expected a number, got .nan (not a number)" : `expected a number, got one too large to hold (${input > 0 ? "" : "-"}1.8e308 is the largest magnitude; it reads as ${input > 0 ? "" : "-"}infinity)`;
var invalidField = (id, field, detail) => `${forId(id)}invalid "${field}": ${detail}`;
var unknownKind = (id, given, meant, known) => `${forId(id)}unknown kind "${given}"${meant === void 0 ? "; a" : `; did you mean "${meant}"? A`} kind is one of ${list(known)}: the essay's figure, an external publication's, or the analysts' judgement`;
var notANumber = (id, field, given) => `${forId(id)}"${field}" is the text "${given}", not a number: write digits alone (15000, 1.5e4, 0.2 for 20%); the unit is the entry's "unit"`;
var rangeAsMapping = (id, low, high) => `${forId(id)}"range" is a mapping of its two ends: write range: { low: ${low}, high: ${high} } (low the 5th percentile, high the 95th; the low..high form is \`--set\`'s)`;
var rangeOneNumber = (id, given) => `${forId(id)}"range" is a mapping of its two ends (range: { low: \u2026, high: \u2026 }), not one figure: write value: ${given} for a point value, or the two ends of its range`;
var unknownDistribution = (id, given, meant, known) => `${forId(id)}unknown distribution "${given}"${meant === void 0 ? "; use" : `${didYouMean(meant)} Use`} one of ${list(known)}`;
var valueXorRange = (id) => `${forId(id)}give exactly one of "value" (a point) or "range: { low, high }" (a 90% interval)`;
var valueNeedsFixed = (id, distribution) => `${forId(id)}a single "value" cannot have distribution "${distribution}"; give a "range" or use "fixed"`;
var rangeNotFixed = (id) => `${forId(id)}distribution "fixed" takes a "value", not a "range"`;
var lowAboveHigh = (id, low, high) => `${forId(id)}range low ${low} is above high ${high}`;
var nonPositiveLognormalBound = (id, low) => `${forId(id)}a lognormal range needs positive bounds, but low is ${low}; use "normal" for quantities that can be zero or negative`;
var triangularWithoutMode = (id) => `${forId(id)}a triangular distribution needs "mode" (the most likely value)`;
var modeOutsideRange = (id, mode, low, high) => `${forId(id)}mode ${mode} lies outside the range ${low}\u2013${high}`;
var modeWithoutTriangular = (id, distribution) => `${forId(id)}"mode" is only used by "triangular", not "${distribution}"`;
var unknownAssumption = (id, nearest, file) => `unknown assumption "${id}" (not in ${file})${didYouMean(nearest)}`;
var overrideProblem = (file, detail) => `override of ${file}: ${detail}`;
var outsideSupport = (id, value, because, support, declarable = false, max) => `"${id}" is ${because}, so it must be ${support}; ${value} is outside that support` + (max === 1 && value >= 2 && value <= 100 ? ` (it is a fraction here: for ${value}%, write ${Number((value / 100).toPrecision(12))})` : declarable && value < 0 ? ` (if it can be negative, as a change can, declare the entry's own bounds: support: { min: -1, max: 1 })` : "");
var rangeTailOutsideSupport = (id, distribution, low, high, side, support) => `"${id}": read as ${distribution} with p5..p95 = ${low}..${high}, more than 1% of its draws fall ${side} its support (${support}); narrow the range${side === "above" ? " (keep its high well inside the bound)" : " (keep its low well inside the bound)"}`;
var supportEmpty = (id, lower, max) => `"${id}": its support's lower bound ${lower} leaves no value up to its max ${max}; swap them or remove one`;
var supportTwoLowerBounds = (id) => `"${id}": its support gives both min and greaterThan; keep one (min includes the bound, greaterThan excludes it)`;
var outsideDeclaredSupport = (id, value, support) => `"${id}": ${value} is outside the support the entry declares (${support}); change the value, or the support if the model allows more`;
var judgementWithoutNote = (id) => `${forId(id)}kind "judgement" needs a "note" giving the reasoning (why this value or range)`;
var missingKind = (id) => `${forId(id)}missing "kind": say whether the figure is the essay's ("essay"), an external publication's ("source") or the analysts' judgement ("judgement", with the reasoning in "note")`;
var pair = (between) => `[${between.join(", ")}]`;
var correlationUnknownId = (between, id, nearest) => `correlation ${pair(between)}: unknown assumption "${id}"${didYouMean(nearest)}`;
var correlationSelf = (between) => `correlation ${pair(between)}: an assumption cannot be correlated with itself`;
var correlationOutOfRange = (between, rho) => `correlation ${pair(between)}: rho ${rho} is outside \u22121\u20261`;
var correlationFixed = (between, id) => `correlation ${pair(between)}: "${id}" is a fixed value, which cannot be correlated; give it a range or drop the correlation`;
var correlationDuplicate = (between, firstLine) => `correlation ${pair(between)}: this pair is already declared on line ${firstLine}`;
var correlationNeedsSource = (between) => `correlation ${pair(between)}: kind "source" needs "source: { title, url?, date }"`;
var correlationNeedsNote = (between) => `correlation ${pair(between)}: kind "judgement" needs a "note" saying why the two move together`;
var correlationsNotPsd = (entries) => {
  const listed = entries.map((e) => `${pair(e.between)} \u03C1=${e.rho} (line ${e.line})`).join(", ");
  return `these correlations cannot hold together (the matrix is not positive semi-definite): ${listed}; weaken one of them`;
};
var invalidCorrelation = (index, field, detail) => `correlation ${index + 1}: invalid "${field}": ${detail}`;
var correlationUnknownKind = (index, given, meant, known) => `correlation ${index + 1}: unknown kind "${given}"${meant === void 0 ? "; a" : `${didYouMean(meant)} A`} correlation's kind is one of ${list(known)}: a publication that measured it (with "source"), or the analysts' judgement (with the reasoning in "note")`;
var invalidTotal = (index, field, problem) => `total #${index + 1}: ${field}: ${problem}`;
var totalUnknownId = (of, id, nearest) => `total of ${of.join(" + ")}: unknown assumption "${id}"${didYouMean(nearest)}`;
var totalRepeats = (of, id) => `total of ${of.join(" + ")}: "${id}" is listed twice; name each assumption once`;
var totalNeedsValues = (of, id) => `total of ${of.join(" + ")}: "${id}" is a range; the assumptions of a total must be point values (value:), or their sum is not one number`;
var totalMismatch = (values, sum, equals) => `${values.map((v) => `${v.id} ${v.value}`).join(" + ")} = ${Number(sum.toPrecision(12))}, but they must total ${equals}`;
var overrideBreaksTotal = (problem, others) => `${problem}${others.length === 0 ? "" : `; set ${others.length === 1 ? "the other" : "the others"} too (${others.map((id) => `--set ${id}=\u2026`).join(" ")}) so they do`}`;

// src/messages/fs.ts
var notARegularFile = (path, kind) => `${path}: ${irregularFile(kind)}`;
var inputFileTooLarge = (path, megabytes, limit) => `${path}: the file is ${Math.round(megabytes)} MB, more than the ${limit} MB fragtax reads of a project file: a notebook that large carries its outputs (images, data) with it, so clear them in Jupyter (Edit \u2192 Clear Outputs of All Cells) and save; any other file that large is not the one meant`;
var irregularFile = (kind) => `is a ${kind}, not a file: a chapter, report.yaml and the assumptions file are read whole, and a ${kind} would ${kind === "named pipe (FIFO)" ? "wait for a writer for ever" : "be read until memory runs out"}; replace it with the file itself`;

// src/util/dates.ts
var ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
function isCalendarDate(date) {
  if (!ISO_DATE_PATTERN.test(date)) return false;
  const parsed = /* @__PURE__ */ new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

// src/util/limits.ts
var MAX_TIMER_MS = 2 ** 31 - 1;
var MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1e3);
var MAX_ASSUMPTIONS_FILE_MB = 8;
var MAX_INPUT_FILE_MB = 256;

// src/util/linalg.ts
var TOLERANCE = 1e-9;
function cholesky(a) {
  const n = a.length;
  const lower = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let j = 0; j < n; j++) {
    const rowJ = lower[j];
    let pivot = a[j][j];
    for (let k = 0; k < j; k++) pivot -= rowJ[k] ** 2;
    if (pivot < -TOLERANCE) return { ok: false, index: j };
    const diagonal = pivot > TOLERANCE ? Math.sqrt(pivot) : 0;
    rowJ[j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      const rowI = lower[i];
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= rowI[k] * rowJ[k];
      if (diagonal === 0) {
        if (Math.abs(sum) > TOLERANCE) return { ok: false, index: i };
        rowI[j] = 0;
      } else {
        rowI[j] = sum / diagonal;
      }
    }
  }
  return { ok: true, lower };
}

// src/util/records.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/util/suggest.ts
import damerauLevenshtein from "damerau-levenshtein";
function nearestNames(name, known, options = {}) {
  const { count: count2 = 3, orClosest = true } = options;
  const word = name.toLowerCase();
  const ranked = known.filter((candidate) => candidate !== name).map((candidate) => ({ candidate, score: typoDistance(word, candidate.toLowerCase()) })).sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1));
  const limit = Math.max(2, Math.ceil(name.length / 3));
  const contains = (candidate) => name.length >= 3 && (candidate.toLowerCase().includes(word) || word.includes(candidate.toLowerCase()));
  const parts = wordsOf(word);
  const sharesWords = (candidate) => parts.length > 1 && parts.every((part) => wordsOf(candidate.toLowerCase()).includes(part));
  const plausible = ranked.filter(({ candidate, score }) => score <= limit && score < name.length || contains(candidate) || sharesWords(candidate)).map(({ candidate }) => candidate);
  if (plausible.length > 0) return plausible.slice(0, count2);
  return orClosest && ranked[0] !== void 0 ? [ranked[0].candidate] : [];
}
function plausibleName(name, known) {
  return nearestNames(name, known, { count: 1, orClosest: false })[0];
}
function renamedFileLike(name, files) {
  const number2 = /^\d+-/.exec(name)?.[0];
  const sameNumber = number2 === void 0 ? [] : files.filter((file) => file.startsWith(number2) && file !== name);
  return plausibleName(name, files) ?? (sameNumber.length === 1 ? sameNumber[0] : void 0);
}
function nearestName(name, known) {
  return nearestNames(name, known, { count: 1 })[0] ?? "";
}
function wordsOf(name) {
  return name.split(/[_\-.\s]+/).filter((part) => part !== "");
}
function typoDistance(a, b) {
  return damerauLevenshtein(a, b).steps;
}

// src/assumptions/schema.ts
import { z } from "zod";
var DISTRIBUTIONS = ["lognormal", "normal", "uniform", "triangular", "fixed"];
var KINDS = ["essay", "source", "judgement"];
var SNAKE_CASE_ID = /^[a-z][a-z0-9_]*$/;
var number = () => z.number({ error: (issue) => notAFiniteNumber(issue.input) });
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
var SourceSchema = z.strictObject({
  title: z.string().min(1).meta({ description: 'Publication or author, e.g. "Maverick analyst essay".' }),
  // Only a web address: the report links it, and a javascript: or data: "source" is not one a reader can check.
  url: z.url({ protocol: /^https?$/, error: "expected an http(s) address, e.g. https://example.com/report" }).optional().meta({ description: "Where the figure can be checked: an http(s) address.", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" }),
  date: z.string().regex(ISO_DATE, "expected a date YYYY-MM-DD").refine(isCalendarDate, "not a calendar date (check the month and day)").meta({ description: "As-of date, YYYY-MM-DD; must not be after report.yaml's asOf." })
}).meta({ description: "Where the figure comes from." });
var RangeSchema = z.strictObject({
  low: number().meta({ description: "5th percentile (lower bound of the support for uniform and triangular)." }),
  high: number().meta({ description: "95th percentile (upper bound of the support for uniform and triangular)." })
}).meta({ description: "A 90% interval: low is the 5th and high the 95th percentile." });
var SupportSchema = z.strictObject({
  min: number().optional().meta({ description: "The lowest value it can take." }),
  greaterThan: number().optional().meta({ description: "A bound it must stay above (a duration or a divisor: > 0). Instead of min." }),
  max: number().optional().meta({ description: "The highest value it can take." })
}).meta({
  description: "The values it can take, where its unit does not say so (a probability is already 0 to 1, a USD amount \u2265 0): e.g. a correlation the model needs non-negative. What-if values outside it are refused."
});
var AssumptionEntrySchema = z.strictObject({
  id: z.string().regex(SNAKE_CASE_ID, "expected snake_case").meta({
    description: "Unique snake_case id, with the unit in it where it helps (h100_usd_per_gpu_hour)."
  }),
  label: z.string().min(1).meta({ description: "Human-readable name shown in the report." }),
  unit: z.string().min(1).meta({ description: "Unit as readers see it, e.g. USD/GPU-hour." }),
  value: number().optional().meta({ description: "A point value (distribution fixed). Give this or range." }),
  range: RangeSchema.optional(),
  mode: number().optional().meta({ description: "Most likely value; triangular only." }),
  distribution: z.enum(DISTRIBUTIONS).optional().meta({
    description: "Default: lognormal for a range, fixed for a value."
  }),
  kind: z.enum(KINDS).meta({
    description: "essay: the essay's own figure (checked, never evidence); source: an external publication; judgement: the analysts' judgement (give the reasoning in note)."
  }),
  source: SourceSchema,
  note: z.string().optional().meta({ description: "Free text: caveats, how the range was chosen. Required for kind judgement: the reasoning." }),
  support: SupportSchema.optional()
}).meta({ description: "One sourced figure." });
var LegacyAssumptionEntrySchema = AssumptionEntrySchema.extend({ kind: z.enum(KINDS).optional() });
var CorrelationEntrySchema = z.strictObject({
  between: z.tuple([z.string().regex(SNAKE_CASE_ID, "expected snake_case"), z.string().regex(SNAKE_CASE_ID, "expected snake_case")]).meta({
    description: "The two assumption ids, e.g. [lab_compute_usd, lab_engineering_usd]."
  }),
  rho: number().meta({ description: "Target Spearman rank correlation, between -1 and 1." }),
  kind: z.enum(["source", "judgement"]).meta({ description: "source: a publication measured it (give source); judgement: the analysts' (give the reasoning in note)." }),
  source: SourceSchema.optional(),
  note: z.string().optional().meta({ description: "Why the two move together. Required for kind judgement." })
}).meta({ description: "A rank correlation between two uncertain assumptions, imposed on their samples (Iman\u2013Conover)." });
var TotalEntrySchema = z.strictObject({
  of: z.array(z.string().regex(SNAKE_CASE_ID, "expected snake_case")).min(2, "name at least two assumptions").meta({
    description: "The assumption ids whose point values add up, e.g. the probabilities of exclusive scenarios."
  }),
  equals: number().meta({ description: "What they must add up to, e.g. 1." }),
  note: z.string().optional().meta({ description: "Why they add up, e.g. the scenarios are exclusive and exhaustive." })
}).meta({ description: "Point values that must add up to a sum: checked in the file and on every what-if override." });
var AssumptionsFileSchema = z.strictObject({
  assumptions: z.array(AssumptionEntrySchema).meta({ description: "Every figure the report depends on." }),
  correlations: z.array(CorrelationEntrySchema).optional().meta({ description: "Rank correlations between assumptions; unlisted pairs are independent." }),
  totals: z.array(TotalEntrySchema).optional().meta({ description: "Point values that must add up to a sum (scenario probabilities to 1)." })
}).meta({ title: "fragtax assumptions", description: "Sourced figures for a fragtax report." });
var ENTRY_FIELDS = Object.keys(AssumptionEntrySchema.shape);
var TOP_LEVEL_KEYS = Object.keys(AssumptionsFileSchema.shape);

// src/assumptions/correlations.ts
function parseCorrelations(items, context) {
  const problems = [];
  const correlations = [];
  const firstLine = /* @__PURE__ */ new Map();
  items.forEach((item, index) => {
    const parsed = CorrelationEntrySchema.safeParse(item.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path;
        problems.push(context.at(item, path, void 0, issueText(issue, index, item.value)));
      }
      return;
    }
    const { between, rho, kind, source, note } = parsed.data;
    const found = entryProblems(parsed.data, context).map(([path, message]) => context.at(item, path, void 0, message));
    const position = context.position(item);
    const key = [...between].sort().join("\0");
    const first = firstLine.get(key);
    if (found.length === 0 && first !== void 0) found.push(context.at(item, ["between"], void 0, correlationDuplicate(between, first)));
    if (found.length > 0) {
      problems.push(...found);
      return;
    }
    firstLine.set(key, position.line);
    correlations.push(Object.freeze({ between: Object.freeze([between[0], between[1]]), rho, kind, ...source === void 0 ? {} : { source: Object.freeze({ ...source }) }, ...note === void 0 ? {} : { note }, position: Object.freeze(position) }));
  });
  if (problems.length === 0) problems.push(...psdProblems(correlations));
  return { correlations, problems };
}
function entryProblems(entry, context) {
  const { between, rho } = entry;
  const problems = [];
  between.forEach((id, side) => {
    const assumption = context.assumptions.get(id);
    if (assumption === void 0) problems.push([["between", side], correlationUnknownId(between, id, context.nearest(id))]);
    else if (assumption.distribution === "fixed") problems.push([["between", side], correlationFixed(between, id)]);
  });
  if (between[0] === between[1]) problems.push([["between"], correlationSelf(between)]);
  if (!(Math.abs(rho) <= 1)) problems.push([["rho"], correlationOutOfRange(between, rho)]);
  if (entry.kind === "source" && entry.source === void 0) problems.push([["kind"], correlationNeedsSource(between)]);
  if (entry.kind === "judgement" && (entry.note ?? "").trim() === "") problems.push([["kind"], correlationNeedsNote(between)]);
  return problems;
}
function psdProblems(correlations) {
  const ids = [...new Set(correlations.flatMap((c) => c.between))];
  const matrix = ids.map((_, i) => ids.map((__, j) => i === j ? 1 : 0));
  for (const { between, rho } of correlations) {
    const [i, j] = [ids.indexOf(between[0]), ids.indexOf(between[1])];
    matrix[i][j] = rho;
    matrix[j][i] = rho;
  }
  const result = cholesky(matrix);
  if (result.ok) return [];
  const involved = new Set(ids.slice(0, result.index + 1));
  const entries = correlations.filter((c) => involved.has(c.between[0]) && involved.has(c.between[1]));
  const first = entries[0] ?? correlations[0];
  if (first === void 0) return [];
  const text = correlationsNotPsd(entries.map((c) => ({ between: c.between, rho: c.rho, line: c.position.line })));
  return [{ file: first.position.file, line: first.position.line, column: first.position.column, id: void 0, text }];
}
function attachCorrelations(assumptions, correlations) {
  const byId = /* @__PURE__ */ new Map();
  for (const { between, rho } of correlations) {
    for (const [self, other] of [[between[0], between[1]], [between[1], between[0]]]) {
      const list3 = byId.get(self) ?? [];
      list3.push(Object.freeze({ with: other, rho }));
      byId.set(self, list3);
    }
  }
  return assumptions.map((a) => {
    const list3 = byId.get(a.id);
    if (list3 === void 0) return a;
    return Object.freeze({ ...a, correlations: Object.freeze(list3.sort((x, y) => x.with < y.with ? -1 : x.with > y.with ? 1 : 0)) });
  });
}
function issueText(issue, index, value) {
  const path = issue.path;
  const given = isRecord(value) ? value.kind : void 0;
  if (issue.code === "invalid_value" && path.length === 1 && path[0] === "kind" && typeof given === "string") {
    const kinds = issue.values.map(String);
    return correlationUnknownKind(index, given, plausibleName(given, kinds), kinds);
  }
  return invalidCorrelation(index, path.join(".") || "entry", issue.message);
}

// src/assumptions/total-check.ts
var TOLERANCE2 = 1e-9;
function totalProblem(total, get) {
  const members = total.of.map((id) => ({ id, assumption: get(id) }));
  const ranged = members.find((m) => m.assumption?.value === void 0);
  if (ranged !== void 0) return totalNeedsValues(total.of, ranged.id);
  const values = members.map((m) => ({ id: m.id, value: m.assumption?.value ?? Number.NaN }));
  const sum = values.reduce((acc, m) => acc + m.value, 0);
  return Math.abs(sum - total.equals) <= TOLERANCE2 * Math.max(1, Math.abs(total.equals)) ? void 0 : totalMismatch(values, sum, total.equals);
}

// src/assumptions/totals.ts
function parseTotals(items, context) {
  const totals = [];
  const problems = [];
  items.forEach((item, index) => {
    const parsed = TotalEntrySchema.safeParse(item.value);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => context.at(item, issue.path, invalidTotal(index, issue.path.join(".") || "entry", issue.message))));
      return;
    }
    const { of, equals, note } = parsed.data;
    const repeated = of.findIndex((id, i) => of.indexOf(id) !== i);
    if (repeated >= 0) {
      problems.push(context.at(item, ["of", repeated], totalRepeats(of, of[repeated] ?? "")));
      return;
    }
    const unknown = of.findIndex((id) => !context.assumptions.has(id));
    if (unknown >= 0) {
      const id = of[unknown] ?? "";
      problems.push(context.at(item, ["of", unknown], totalUnknownId(of, id, context.nearest(id))));
      return;
    }
    const total = Object.freeze({ of: Object.freeze([...of]), equals, ...note === void 0 ? {} : { note }, position: Object.freeze(context.position(item)) });
    const problem = totalProblem(total, (id) => context.assumptions.get(id));
    if (problem !== void 0) problems.push(context.at(item, [], problem));
    else totals.push(total);
  });
  return { totals, problems };
}

// src/assumptions/rules.ts
function resolvedDistribution(fields) {
  return fields.distribution ?? (fields.value !== void 0 ? "fixed" : "lognormal");
}
function valueProblems(fields) {
  const { id, value, range, mode } = fields;
  const distribution = resolvedDistribution(fields);
  if (value === void 0 === (range === void 0)) return [{ path: [], message: valueXorRange(id) }];
  if (value !== void 0) {
    if (distribution !== "fixed") return [{ path: ["distribution"], message: valueNeedsFixed(id, distribution) }];
    return mode === void 0 ? [] : [{ path: ["mode"], message: modeWithoutTriangular(id, distribution) }];
  }
  if (range === void 0) return [];
  if (distribution === "fixed") return [{ path: ["distribution"], message: rangeNotFixed(id) }];
  if (range.low > range.high) return [{ path: ["range", "low"], message: lowAboveHigh(id, range.low, range.high) }];
  if (distribution === "lognormal" && range.low <= 0) {
    return [{ path: ["range", "low"], message: nonPositiveLognormalBound(id, range.low) }];
  }
  return modeProblems(id, distribution, range, mode);
}
function modeProblems(id, distribution, range, mode) {
  if (distribution !== "triangular") {
    return mode === void 0 ? [] : [{ path: ["mode"], message: modeWithoutTriangular(id, distribution) }];
  }
  if (mode === void 0) return [{ path: ["distribution"], message: triangularWithoutMode(id) }];
  if (mode < range.low || mode > range.high) {
    return [{ path: ["mode"], message: modeOutsideRange(id, mode, range.low, range.high) }];
  }
  return [];
}
function fromDeclared(declared) {
  const lower = declared.greaterThan ?? declared.min;
  if (lower === void 0 && declared.max === void 0) return null;
  return { ...lower === void 0 ? {} : { min: lower }, minInclusive: declared.greaterThan === void 0, ...declared.max === void 0 ? {} : { max: declared.max }, because: "bounded by its entry's support" };
}
function supportOf(assumption) {
  const declared = assumption.support === void 0 ? null : fromDeclared(assumption.support);
  const implied = impliedSupport(assumption);
  if (declared === null || implied === null || implied.guessed === true) return declared ?? implied;
  return narrowed(implied, declared);
}
function narrowed(implied, declared) {
  const declaredLower = declared.min !== void 0 && (implied.min === void 0 || declared.min > implied.min || declared.min === implied.min && !declared.minInclusive);
  const lower = declaredLower ? declared : implied;
  const max = implied.max === void 0 ? declared.max : declared.max === void 0 ? implied.max : Math.min(implied.max, declared.max);
  return {
    ...lower.min === void 0 ? {} : { min: lower.min },
    minInclusive: lower.minInclusive,
    ...max === void 0 ? {} : { max },
    because: `${implied.because}, bounded by its entry's support`
  };
}
function impliedSupport(assumption) {
  const unit = assumption.unit.trim();
  if (/^correlation(\s+coefficient)?$/i.test(unit)) return { min: -1, minInclusive: true, max: 1, because: "a correlation" };
  const fraction = /^(probability|fraction|share)(\s+of\s+.+)?$/i.exec(unit);
  if (fraction?.[1] !== void 0) {
    const word = fraction[1].toLowerCase();
    return { min: 0, minInclusive: true, max: 1, because: `a ${word}`, ...word === "probability" ? {} : { guessed: true } };
  }
  if (assumption.distribution === "lognormal") return { min: 0, minInclusive: false, because: "a lognormal quantity" };
  if (/^(USD|\$)/i.test(unit)) return { min: 0, minInclusive: true, because: `an amount in ${unit}` };
  return null;
}
function withinSupport(x, support) {
  if (support.min !== void 0 && (support.minInclusive ? x < support.min : x <= support.min)) return false;
  return support.max === void 0 || x <= support.max;
}
function describeSupport(support) {
  if (support.min === void 0) return `\u2264 ${support.max}`;
  if (support.max === void 0) return `${support.minInclusive ? "\u2265" : ">"} ${support.min}`;
  return support.minInclusive ? `between ${support.min} and ${support.max}` : `> ${support.min} and \u2264 ${support.max}`;
}
function supportProblems(fields) {
  const declared = fields.support;
  if (declared?.min !== void 0 && declared.greaterThan !== void 0) {
    return [{ path: ["support", "greaterThan"], message: supportTwoLowerBounds(fields.id) }];
  }
  const lower = declared?.greaterThan ?? declared?.min;
  if (lower !== void 0 && declared?.max !== void 0 && (declared.greaterThan === void 0 ? lower > declared.max : lower >= declared.max)) {
    return [{ path: ["support", "max"], message: supportEmpty(fields.id, lower, declared.max) }];
  }
  const support = supportOf(fields);
  if (support === null) return [];
  const values = [[["value"], fields.value], [["range", "low"], fields.range?.low], [["range", "high"], fields.range?.high], [["mode"], fields.mode]];
  const outside = values.find(([, x2]) => x2 !== void 0 && !withinSupport(x2, support));
  if (outside === void 0) return [];
  const [path, x = Number.NaN] = outside;
  const described = describeSupport(support);
  return [{ path, message: fromDeclared(declared ?? {}) === null ? outsideSupport(fields.id, x, support.because, described, support.guessed === true, support.max) : outsideDeclaredSupport(fields.id, x, described) }];
}
function kindProblems(fields) {
  if (fields.kind === "judgement" && (fields.note ?? "").trim() === "") return [{ path: ["kind"], message: judgementWithoutNote(fields.id) }];
  return [];
}
var Z95 = 1.6448536269514722;
var Z_TAIL = 2.3263478740408408;
function tailProblems(fields) {
  const { range, distribution } = fields;
  if (range === void 0 || distribution !== "normal" && distribution !== "lognormal") return [];
  const support = supportOf(fields);
  if (support === null) return [];
  const log = distribution === "lognormal";
  const at2 = (x) => log ? Math.log(x) : x;
  if (log && range.low <= 0) return [];
  const centre = (at2(range.low) + at2(range.high)) / 2;
  const sigma = (at2(range.high) - at2(range.low)) / (2 * Z95);
  if (!(sigma > 0)) return [];
  const above = support.max !== void 0 && (at2(support.max) - centre) / sigma < Z_TAIL;
  const below = support.min !== void 0 && !(log && support.min <= 0) && (centre - at2(support.min)) / sigma < Z_TAIL;
  if (!above && !below) return [];
  return [{ path: ["range", above ? "high" : "low"], message: rangeTailOutsideSupport(fields.id, distribution, range.low, range.high, above ? "above" : "below", describeSupport(support)) }];
}

// src/util/hash.ts
import { createHash } from "node:crypto";

// src/util/control.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
var CONTROL_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
var visible = (char) => {
  const code = char.charCodeAt(0);
  return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};
function visibleControls(text, options = {}) {
  return text.replace(options.keepCarriageReturn === true ? CONTROL_BUT_CR : CONTROL, visible);
}

// src/util/hash.ts
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted = {};
    for (const key of Object.keys(value).sort()) {
      const field = value[key];
      if (field !== void 0) sorted[key] = sortKeys(field);
    }
    return sorted;
  }
  return value;
}

// src/assumptions/content.ts
function assumptionContent(assumption) {
  const { position: _position, ...content } = assumption;
  return sortKeys(content);
}
function assumptionInfo(assumption) {
  const { value: _value, range: _range, mode: _mode, distribution: _distribution, ...info } = assumption;
  return info;
}

// src/assumptions/types.ts
function aboutRead(id) {
  return `${ABOUT}${id}`;
}
var ABOUT = "about:";
var EVERY_ASSUMPTION = "*";

// src/assumptions/registry.ts
var AssumptionRegistry = class _AssumptionRegistry {
  /** `assumptions` must have unique ids (the loader guarantees it); they are kept in the given order. */
  constructor(assumptions, fileName, correlations = [], totals = []) {
    this.fileName = fileName;
    this.correlations = correlations;
    this.totals = totals;
    this.#all = Object.freeze([...assumptions]);
    this.#byId = new Map(assumptions.map((a) => [a.id, a]));
  }
  fileName;
  correlations;
  totals;
  #byId;
  #all;
  #reads = /* @__PURE__ */ new Map();
  #catalog;
  /** Every assumption, in file order. Untracked. */
  all() {
    return this.#all;
  }
  has(id) {
    return this.#byId.has(id);
  }
  /** The assumption, untracked; an unknown id throws `UnknownAssumptionError` naming the nearest ids. */
  get(id) {
    const found = this.#byId.get(id);
    if (found !== void 0) return found;
    const nearest = this.nearestIds(id);
    throw new UnknownAssumptionError(id, nearest, this.fileName, unknownAssumption(id, nearest, this.fileName));
  }
  /**
   * Up to three defined ids plausibly meant by `id` (util/suggest.ts's rule); none rather than an
   * unrelated one (`nope` is not a typo of `datacenter_pue`).
   */
  nearestIds(id) {
    return nearestNames(id, [...this.#byId.keys()], { orClosest: false });
  }
  /**
   * A reader whose reads are recorded for `consumer` (e.g. a notebook path). A read is recorded before
   * the lookup, so a read of a missing id is remembered too. Several readers for one consumer add up.
   */
  reader(consumer) {
    const own = /* @__PURE__ */ new Set();
    const shared = this.#reads.get(consumer) ?? [];
    this.#reads.set(consumer, shared);
    const read = (id) => {
      if (own.has(id)) return;
      own.add(id);
      if (!shared.includes(id)) shared.push(id);
    };
    return {
      get: (id) => {
        read(id);
        return this.get(id);
      },
      // The list hands out every assumption whole, values included: each counts as read.
      all: () => {
        read(EVERY_ASSUMPTION);
        for (const assumption of this.#all) read(assumption.id);
        return this.#all;
      },
      catalog: () => {
        read(EVERY_ASSUMPTION);
        for (const assumption of this.#all) read(aboutRead(assumption.id));
        return this.#catalog ??= Object.freeze(this.#all.map((assumption) => Object.freeze(assumptionInfo(assumption))));
      },
      readIds: () => [...own]
    };
  }
  /** Ids read by `consumer` through any of its readers, in first-read order. */
  readsBy(consumer) {
    return [...this.#reads.get(consumer) ?? []];
  }
  /** Consumers that asked for a reader, in first-request order. */
  consumers() {
    return [...this.#reads.keys()];
  }
  /**
   * A new registry (with fresh read tracking) where each override replaces one assumption's value or
   * range. Validated like the file: unknown ids throw `UnknownAssumptionError`, a bad range throws an
   * `AssumptionError` located at the assumption's entry in the file.
   */
  withOverrides(overrides) {
    const replaced = /* @__PURE__ */ new Map();
    const problems = [];
    for (const override of overrides) {
      const original = this.get(override.id);
      const candidate = applyOverride(original, override);
      const { file, line, column } = original.position;
      const found = [...valueProblems(candidate), ...supportProblems2(original, override), ...tailProblems({ ...candidate, support: original.support })].slice(0, 1);
      problems.push(...found.map((p) => ({ file, line, column, id: original.id, text: overrideProblem(this.fileName, p.message), reason: p.message })));
      replaced.set(original.id, candidate);
    }
    for (const total of this.totals) {
      const touched = total.of.find((id) => replaced.has(id));
      const problem = touched === void 0 ? void 0 : totalProblem(total, (id) => replaced.get(id) ?? this.#byId.get(id));
      if (touched === void 0 || problem === void 0) continue;
      const missed = total.of.every((id) => (replaced.get(id) ?? this.#byId.get(id))?.value !== void 0);
      const reason = missed ? overrideBreaksTotal(problem, total.of.filter((id) => !replaced.has(id))) : problem;
      problems.push({ ...total.position, id: touched, text: overrideProblem(this.fileName, reason), reason, place: "total" });
    }
    const [first, ...rest] = problems;
    if (first !== void 0) throw new AssumptionError([first, ...rest]);
    return new _AssumptionRegistry(
      this.#all.map((a) => replaced.get(a.id) ?? a),
      this.fileName,
      this.correlations,
      this.totals
    );
  }
  /** sha256 (hex) of the canonical content: every assumption without its position, sorted by id. */
  hash() {
    return this.hashOf([...this.#byId.keys()]);
  }
  /**
   * sha256 (hex) of the canonical content of just these ids (order and repeats ignored); an id the file
   * does not define hashes as absent, so defining it later changes the hash.
   */
  hashOf(ids) {
    const content = [...new Set(ids)].sort().map((id) => {
      const assumption = this.#byId.get(id);
      return [id, assumption === void 0 ? null : assumptionContent(assumption)];
    });
    return sha256(JSON.stringify(content));
  }
};
function supportProblems2(original, override) {
  const support = supportOf(original);
  if (support === null) return [];
  const numbers = "value" in override ? [override.value] : [override.low, override.high];
  const outside = numbers.find((x) => !withinSupport(x, support));
  return outside === void 0 ? [] : [{ message: outsideSupport(original.id, outside, support.because, describeSupport(support), support.guessed === true, support.max) }];
}
function applyOverride(original, override) {
  const { value: _value, range: _range, mode, ...rest } = original;
  if ("value" in override) return Object.freeze({ ...rest, value: override.value, distribution: "fixed" });
  const support = supportOf(original);
  const bounded = support?.min !== void 0 && support.max !== void 0;
  const distribution = original.distribution !== "fixed" ? original.distribution : bounded ? "uniform" : override.low > 0 ? "lognormal" : "normal";
  return Object.freeze({
    ...rest,
    range: Object.freeze({ low: override.low, high: override.high }),
    ...mode === void 0 ? {} : { mode },
    distribution
  });
}

// src/assumptions/quick-read.ts
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents } from "js-yaml";

// src/util/text-position.ts
function lineColumn(text, offset) {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
function lineIndex(text) {
  const starts = [0];
  for (let at2 = text.indexOf("\n"); at2 >= 0; at2 = text.indexOf("\n", at2 + 1)) starts.push(at2 + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}

// src/assumptions/quick-read.ts
function readQuickly(text) {
  if (/^%/m.test(text)) return void 0;
  let events;
  let documents;
  try {
    events = parseEvents(text, {});
    if (events.some(unplain)) return void 0;
    documents = constructFromEvents(events, { source: text });
  } catch {
    return void 0;
  }
  const [root] = documents;
  if (documents.length !== 1 || !isRecord(root) || events[0]?.type !== EVENT_ID.DOCUMENT || events[1]?.type !== EVENT_ID.MAPPING) return void 0;
  const where = lineIndex(text);
  const keys = [];
  const lists = /* @__PURE__ */ new Map();
  let at2 = 2;
  while (events[at2] !== void 0 && events[at2]?.type !== EVENT_ID.POP) {
    const key = events[at2];
    if (key.type !== EVENT_ID.SCALAR) return void 0;
    const name = getScalarValue(text, key);
    keys.push({ name, at: where(key.valueStart) });
    if (events[at2 + 1]?.type === EVENT_ID.SEQUENCE) {
      const starts = itemStarts(events, at2 + 2);
      const values = root[name];
      if (starts === void 0 || !Array.isArray(values) || values.length !== starts.length) return void 0;
      lists.set(name, starts.map((start, index) => {
        const position = where(start);
        return { value: values[index], at: () => position };
      }));
    }
    at2 = after(events, at2 + 1);
  }
  return {
    keys,
    rootAt: where(events[1].start),
    list: (key) => {
      const value = root[key];
      if (value === void 0 || value === null) return void 0;
      return lists.get(key) ?? { notAList: where(0) };
    }
  };
}
function unplain(event) {
  if (event.type === EVENT_ID.ALIAS) return true;
  if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) return event.tagStart !== -1 || event.anchorStart !== -1;
  return false;
}
function itemStarts(events, at2) {
  const starts = [];
  let index = at2;
  while (events[index] !== void 0 && events[index]?.type !== EVENT_ID.POP) {
    const item = events[index];
    if (item.type !== EVENT_ID.MAPPING) return void 0;
    starts.push(item.start);
    index = after(events, index);
  }
  return starts;
}
function after(events, at2) {
  const first = events[at2];
  if (first === void 0 || first.type !== EVENT_ID.SEQUENCE && first.type !== EVENT_ID.MAPPING) return at2 + 1;
  let depth = 0;
  for (let index = at2; index < events.length; index++) {
    const type = events[index]?.type;
    if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING) depth++;
    else if (type === EVENT_ID.POP && --depth === 0) return index + 1;
  }
  return events.length;
}

// src/assumptions/read-file.ts
function isList(read) {
  return Array.isArray(read);
}

// src/assumptions/yaml-read.ts
import { isMap, isPair, isScalar, isSeq, LineCounter } from "yaml";

// src/util/yaml-syntax.ts
import { isCollection, isNode, parseDocument, Parser, visit, YAMLParseError } from "yaml";

// src/messages/yaml.ts
var yamlNotClosed = (open) => open === "{" || open === "[" ? `this "${open}" is never closed: add the "${open === "{" ? "}" : "]"}" that ends the ${open === "{" ? "map" : "list"}, before the next key (or write it as an indented block)` : `this ${open} opens a text that is never closed: add the closing ${open} where the text ends (or write it without quotes)`;
var yamlAdvice = (code, message) => {
  switch (code) {
    case "BLOCK_AS_IMPLICIT_KEY":
      return 'a value holds ": ", or a line is indented under a key that already has its value: quote the value, or indent the line as the key above it';
    case "MULTILINE_IMPLICIT_KEY":
      return "a key runs over two lines: end the line before it, or indent it as the keys beside it";
    case "TAB_AS_INDENT":
      return "indent with spaces";
    case "DUPLICATE_KEY":
      return "the same key twice in one mapping: keep one";
    case "BAD_SCALAR_START":
      return "quote the value";
    case "MISSING_CHAR":
      return message.startsWith("Sequence item without - indicator") ? 'this line is indented as an item of the list above, not as a key of that item: line it up with the keys above it, or start a new item with "- "' : void 0;
    case "BAD_INDENT":
      return message.startsWith("All mapping items") ? "line up the keys of one mapping in the same column" : void 0;
    default:
      return void 0;
  }
};
var yamlItemOutdented = (column) => `this "- " item starts left of the items above it (column ${column}), so it belongs to none of their lists: start every item of one list at the same column`;
var yamlBlockInFlow = () => 'a "{ \u2026 }" or "[ \u2026 ]" holds a value with ": " in it, or a line break between a key and its value: separate its entries with commas, quote a value that holds ": ", or write the mapping as indented lines';
var quoted = (value) => /^(".*"|'.*')$/.test(value) ? value : `"${value}"`;
var yamlMissingComma = (value, key, semicolon, fixed) => `${semicolon ? `a ";" separates ${quoted(value)} from "${key}:"` : `a comma is missing between ${quoted(value)} and "${key}:"`}: the entries inside "{ \u2026 }" are separated by commas${fixed === void 0 ? "" : `; write ${fixed}`}`;
var yamlTooManyAliases = (alias, limit) => `its aliases (the first is ${alias}) expand to more than ${limit.toLocaleString("en-US")} values, which is refused as a resource-exhaustion attack ("billion laughs"): write the repeated parts out, or repeat them fewer times`;
var yamlNestedTooDeep = (limit) => `lists or mappings are nested here more than ${limit} levels deep inside each other; these files need a few levels: write the value flatter`;
var yamlKeyNotAWord = () => "this key is a list or a mapping; a key here is a plain name (write it as a word before the colon)";
var yamlAliasInsideItself = (name) => `the alias *${name} is inside the value &${name} marks, so that value would contain itself: repeat a value only after it ends`;
var yamlAliasWithoutAnchor = (name) => `the alias *${name} names no anchor: mark the value it repeats with &${name}, above the alias`;
var yamlTagNotApplied = (tag, value) => {
  const instead = `write the value without the tag${value === "" ? "" : `, as ${value}`}`;
  if (!tag.startsWith("!!")) return `the tag ${tag} is not one of YAML's core schema, which these files are read with: ${instead}`;
  const why = tag === "!!float" ? ": YAML's core schema reads a !!float only with a decimal point or an exponent" : " under YAML's core schema";
  return `the tag ${tag} cannot be applied${value === "" ? "" : ` to ${value}`}${why}; ${instead}`;
};
var yamlVersionDirective = (version) => `a "%YAML ${version}" directive: every YAML input is read as YAML 1.2 (its core schema), and under ${version} the same numbers would read differently (010 as 8, 3:00 as 180); remove the line`;
var yamlSecondDocument = () => 'a "---" line here starts a second document, and the file holds one: remove the line (move what follows it into the first document, or out of the file)';
var yamlFileNotText = (file, how, what) => how === "empty" ? `the file is empty, where ${what} go; restore it from git (\`git checkout -- ${file}\`), or write them` : `the file is not text (it holds bytes no text file has: binary data, or an encoding other than UTF-8), where ${what} go; restore it from git (\`git checkout -- ${file}\`), or save it as UTF-8 text`;

// src/util/yaml-comma.ts
var QUOTE_LIMIT = 100;
function missingComma(text, offset) {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  const line = text.slice(lineStart, newline < 0 ? text.length : newline).replace(/\r$/, "");
  const open = braceAround(line, offset - lineStart);
  const gaps = open === void 0 ? void 0 : gapsIn(line, open);
  const first = gaps?.[0];
  if (gaps === void 0 || first === void 0) return void 0;
  let fixed = line.slice(0, gaps.end);
  for (const gap of [...gaps].reverse()) fixed = `${fixed.slice(0, gap.valueEnd)},${fixed.slice(gap.valueEnd).replace(/^\s*;/, "")}`;
  fixed = fixed.trim();
  return {
    offset: lineStart + first.valueEnd,
    value: line.slice(first.valueStart, first.valueEnd),
    key: first.key,
    semicolon: first.semicolon,
    fixed: fixed.length > QUOTE_LIMIT ? void 0 : fixed
  };
}
function quotedEnd(line, at2) {
  const quote = line[at2];
  for (let index = at2 + 1; index < line.length; index++) {
    if (quote === '"' && line[index] === "\\") index++;
    else if (line[index] === quote) {
      if (quote === "'" && line[index + 1] === "'") index++;
      else return index + 1;
    }
  }
  return line.length;
}
var opensText = (line, at2) => (line[at2] === '"' || line[at2] === "'") && (at2 === 0 || /[\s[{,:]/.test(line[at2 - 1] ?? ""));
var opensComment = (line, at2) => line[at2] === "#" && (at2 === 0 || /\s/.test(line[at2 - 1] ?? ""));
function braceAround(line, column) {
  const opened = [];
  for (let index = 0; index < line.length && index <= column; index++) {
    const char = line[index];
    if (opensText(line, index)) index = quotedEnd(line, index) - 1;
    else if (opensComment(line, index)) break;
    else if (char === "{" || char === "[") opened.push({ at: index, brace: char === "{" });
    else if (char === "}" || char === "]") opened.pop();
  }
  const innermost = opened.at(-1);
  return innermost?.brace === true ? innermost.at : void 0;
}
function gapsIn(line, open) {
  const gaps = [];
  let depth = 0;
  let close;
  let valueStart = -1;
  for (let index = open + 1; index < line.length && close === void 0; index++) {
    const char = line[index] ?? "";
    if (opensText(line, index)) index = quotedEnd(line, index) - 1;
    else if (opensComment(line, index)) return void 0;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      if (depth === 0) close = char === "}" ? index : -1;
      else depth--;
    } else if (depth === 0 && char === ",") valueStart = -1;
    else if (depth === 0 && char === ":" && /^(\s|,|\}|$)/.test(line.slice(index + 1, index + 2))) {
      const keyStart = line.slice(0, index).search(/\S+$/);
      if (valueStart >= 0) {
        const written = line.slice(valueStart, keyStart).trimEnd();
        const semicolon = written.endsWith(";");
        const value = (semicolon ? written.slice(0, -1) : written).trim();
        if (value === "") return void 0;
        const valueEnd = valueStart + (semicolon ? written.slice(0, -1) : written).trimEnd().length;
        gaps.push({ valueStart: valueEnd - value.length, valueEnd, key: line.slice(keyStart, index), semicolon });
      }
      valueStart = index + 1;
    }
  }
  if (close === void 0 || close < 0) return void 0;
  const comment = line.slice(close + 1).search(/\s#/);
  return Object.assign(gaps, { end: comment < 0 ? line.length : close + 1 + comment });
}

// src/util/yaml-syntax.ts
var MAX_YAML_DEPTH = 100;
function notYamlText(text) {
  if (text.trim() === "") return "empty";
  if (text.includes("\0")) return "binary";
  let replaced = 0;
  for (const char of text) if (char === "\uFFFD") replaced += 1;
  return replaced > 0 && replaced * 100 >= text.length ? "binary" : void 0;
}
function parseYamlDocument(text, options) {
  const tooDeep = inlineDepthPast(text, MAX_YAML_DEPTH);
  if (tooDeep === void 0) {
    const document2 = parseDocument(text, options);
    const { version, explicit } = document2.directives?.yaml ?? {};
    const directive = /^%YAML\b/m.exec(text)?.index ?? 0;
    if (explicit === true && version !== "1.2") document2.errors.unshift(new YAMLParseError([directive, directive + 5], "BAD_DIRECTIVE", yamlVersionDirective(version ?? "?")));
    return document2;
  }
  const document = parseDocument("", options);
  document.errors.push(new YAMLParseError([tooDeep, tooDeep + 1], "RESOURCE_EXHAUSTION", yamlNestedTooDeep(MAX_YAML_DEPTH)));
  return document;
}
function inlineDepthPast(text, limit) {
  let depth = 0;
  let quote;
  for (let at2 = 0; at2 < text.length; at2++) {
    const char = text[at2];
    if (quote !== void 0) {
      if (char === "\\" && quote === '"') at2++;
      else if (char === quote) quote = void 0;
    } else if (char === "#" && (at2 === 0 || /\s/.test(text[at2 - 1] ?? ""))) {
      const end = text.indexOf("\n", at2);
      if (end < 0) return void 0;
      at2 = end;
    } else if ((char === '"' || char === "'") && (at2 === 0 || /[\s[{,:?-]/.test(text[at2 - 1] ?? ""))) quote = char;
    else if (char === "[" || char === "{") {
      if (++depth > limit) return at2;
    } else if ((char === "]" || char === "}") && depth > 0) depth--;
  }
  return void 0;
}
var COMMA_CODES = /* @__PURE__ */ new Set(["BLOCK_IN_FLOW", "UNEXPECTED_TOKEN", "BLOCK_AS_IMPLICIT_KEY", "MISSING_CHAR"]);
function yamlSyntaxProblem(text, error) {
  const said = error.code === "MULTIPLE_DOCS" ? yamlSecondDocument() : error.code === "BLOCK_IN_FLOW" ? yamlBlockInFlow() : (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  const advice = yamlAdvice(error.code, said);
  const detail = advice === void 0 ? said : `${said} (${advice})`;
  const opener = error.code === "RESOURCE_EXHAUSTION" ? void 0 : unclosedOpener(text, error.pos[0]);
  if (opener !== void 0) return { ...lineColumn(text, opener.offset), detail: yamlNotClosed(opener.open) };
  const comma = COMMA_CODES.has(error.code) ? missingComma(text, error.pos[0]) : void 0;
  if (comma !== void 0) return { ...lineColumn(text, comma.offset), detail: yamlMissingComma(comma.value, comma.key, comma.semicolon, comma.fixed) };
  const outdented = error.code === "BLOCK_AS_IMPLICIT_KEY" ? outdentedItem(text, error.pos[0]) : void 0;
  if (outdented !== void 0) return { ...lineColumn(text, outdented.offset), detail: yamlItemOutdented(outdented.column) };
  return { ...lineColumn(text, error.pos[0]), detail };
}
function outdentedItem(text, offset) {
  let start = text.lastIndexOf("\n", offset - 1) + 1;
  const lineAt = (from) => text.slice(from, text.indexOf("\n", from) === -1 ? void 0 : text.indexOf("\n", from));
  while (/^\s*(?:#.*)?$/.test(lineAt(start)) && text.indexOf("\n", start) !== -1) start = text.indexOf("\n", start) + 1;
  const item = /^( *)- /.exec(lineAt(start));
  if (item === null) return void 0;
  const indent = item[1]?.length ?? 0;
  const above = text.slice(0, Math.max(0, start - 1)).split("\n").reverse();
  for (const line of above) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const previous = /^( *)- /.exec(line);
    if (previous !== null) return (previous[1]?.length ?? 0) > indent ? { offset: start + indent, column: (previous[1]?.length ?? 0) + 1 } : void 0;
  }
  return void 0;
}
var MAX_ALIAS_VALUES = 1e4;
function plainYaml(document, text) {
  const tagFailed = document.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (tagFailed !== void 0) {
    const [start = 0, end = start] = tagFailed.pos;
    const written = text.slice(start, end);
    const value = /^\S+[ \t]+([^\n#]*)/.exec(text.slice(start, text.indexOf("\n", start) < 0 ? void 0 : text.indexOf("\n", start)))?.[1]?.trim() ?? "";
    return { problem: { ...lineColumn(text, start), detail: yamlTagNotApplied(written, value) } };
  }
  let found;
  visit(document, {
    Alias(_key, node, path) {
      if (!path.some((ancestor) => isNode(ancestor) && ancestor.anchor === node.source)) return void 0;
      found = { offset: node.range?.[0] ?? 0, detail: yamlAliasInsideItself(node.source) };
      return visit.BREAK;
    },
    Pair(_key, pair2) {
      if (!isCollection(pair2.key)) return void 0;
      found = { offset: pair2.key.range?.[0] ?? 0, detail: yamlKeyNotAWord() };
      return visit.BREAK;
    }
  });
  if (found !== void 0) return { problem: { ...lineColumn(text, found.offset), detail: found.detail } };
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIAS_VALUES }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(error.message)?.[1];
    if (unresolved === void 0 && !/excessive alias/i.test(error.message)) throw error;
    let first;
    visit(document, {
      Alias(_key, node) {
        if (unresolved !== void 0 && node.source !== unresolved) return void 0;
        first = { offset: node.range?.[0] ?? 0, source: `*${node.source}` };
        return visit.BREAK;
      }
    });
    const detail = unresolved !== void 0 ? yamlAliasWithoutAnchor(unresolved) : yamlTooManyAliases(first?.source ?? "*", MAX_ALIAS_VALUES);
    return { problem: { ...lineColumn(text, first?.offset ?? 0), detail } };
  }
}
function unclosedOpener(text, limit) {
  const found = [];
  const visit2 = (token) => {
    if (token === void 0) return;
    switch (token.type) {
      case "document":
        visit2(token.value);
        return;
      case "block-map":
      case "block-seq":
        token.items.forEach(visitItem);
        return;
      case "flow-collection": {
        const close = token.start.source === "{" ? "}" : "]";
        if (!token.end.some((end) => end.source === close)) found.push({ offset: token.start.offset, open: token.start.source });
        token.items.forEach(visitItem);
        return;
      }
      case "double-quoted-scalar":
      case "single-quoted-scalar": {
        const quote = token.type === "double-quoted-scalar" ? '"' : "'";
        if (token.source.length < 2 || !token.source.endsWith(quote)) found.push({ offset: token.offset, open: quote });
        return;
      }
      default:
        return;
    }
  };
  const visitItem = (item) => {
    visit2(item.key ?? void 0);
    visit2(item.value);
  };
  for (const token of new Parser().parse(text)) visit2(token);
  return found.filter((opener) => opener.offset <= limit).at(-1);
}

// src/assumptions/yaml-read.ts
function readWithYaml(text, fileName) {
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError !== void 0) {
    const { line, column, detail } = yamlSyntaxProblem(text, yamlError);
    const nearId = idAtOrAbove(text, line);
    throw new AssumptionError([{ file: fileName, line, column, id: nearId, text: malformedYaml(detail, nearId) }]);
  }
  const where = (node) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const root = doc.contents;
  const resolved = plainYaml(doc, text);
  if ("problem" in resolved) {
    const { line, column, detail } = resolved.problem;
    const nearId = idAtOrAbove(text, line);
    throw new AssumptionError([{ file: fileName, line, column, id: nearId, text: malformedYaml(detail, nearId) }]);
  }
  const plain = resolved.value;
  const item = (node, value) => ({ value, at: (path, pointAtKey = false) => where(nodeAt(node, path, pointAtKey)) });
  return {
    keys: isMap(root) ? root.items.map((pair2) => ({ name: keyText(pair2.key), at: where(pair2.key) })) : void 0,
    rootAt: where(root),
    list: (key) => {
      if (!isMap(root)) return void 0;
      const list3 = root.get(key, true);
      if (list3 === void 0 || list3 === null) return void 0;
      if (!isSeq(list3)) return { notAList: where(list3) };
      const values = isRecord(plain) && Array.isArray(plain[key]) ? plain[key] : [];
      return list3.items.map((node, index) => item(node, values[index]));
    }
  };
}
function nodeAt(node, path, pointAtKey = false) {
  let current = node;
  for (const [index, segment] of path.entries()) {
    if (isSeq(current) && typeof segment === "number") {
      const item = current.items[segment];
      if (item?.range === void 0 || item.range === null) return current;
      current = item;
      continue;
    }
    if (!isMap(current)) return current;
    const pair2 = current.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
    if (pair2 === void 0) return current;
    if (pointAtKey && index === path.length - 1) return pair2.key;
    const next = pair2.value;
    if (next === null || next.range === void 0 || next.range === null) return pair2.key;
    current = next;
  }
  return current;
}
function keyText(key) {
  return isScalar(key) ? String(key.value) : String(key);
}
function idAtOrAbove(text, line) {
  const lines = text.split(/\r?\n/).slice(0, line);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = /^\s*(?:-\s+)?id:\s*["']?([A-Za-z0-9_]+)/.exec(lines[index] ?? "");
    if (match !== null) return match[1];
  }
  return void 0;
}

// src/util/plain-file.ts
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/util/paths.ts
import { existsSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
function isInside(folder, path) {
  const rel = relative(folder, path);
  return !rel.startsWith("..") && !isAbsolute(rel);
}
function linkedOutside(path, root) {
  let target;
  try {
    target = realpathSync(path);
    if (!statSync(target).isFile()) return void 0;
  } catch {
    return void 0;
  }
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
  }
  return isInside(realRoot, target) ? void 0 : target;
}
function displayPath(absolute, root) {
  return isInside(root, absolute) ? relative(root, absolute).split(sep).join("/") : absolute;
}

// src/util/plain-file.ts
var NON_BLOCKING_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
var NotARegularFileError = class extends InputError {
  constructor(path, kind) {
    super(notARegularFile(displayPath(resolve2(path), process.cwd()), kind));
    this.path = path;
    this.kind = kind;
  }
  path;
  kind;
};
var InputFileTooLargeError = class extends InputError {
  constructor(path, bytes) {
    super(inputFileTooLarge(displayPath(resolve2(path), process.cwd()), bytes / (1024 * 1024), MAX_INPUT_FILE_MB));
    this.path = path;
  }
  path;
};
function refuseIrregular(path, info) {
  if (info.isFile() && info.size > MAX_INPUT_FILE_MB * 1024 * 1024) throw new InputFileTooLargeError(path, info.size);
  if (info.isFile()) return;
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: "EISDIR", errno: -21, syscall: "read", path });
  throw new NotARegularFileError(path, info.isFIFO() ? "named pipe (FIFO)" : info.isSocket() ? "socket" : "device");
}
function readInputTextSync(path) {
  const fd = openSync(path, NON_BLOCKING_READ);
  try {
    refuseIrregular(path, fstatSync(fd));
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}

// src/assumptions/load.ts
function parseAssumptions(text, fileName, options = {}) {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024) fail({ file: fileName, line: 1, column: 1, id: void 0, text: assumptionsFileTooLarge(bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB) });
  const notText = notYamlText(text);
  if (notText !== void 0) fail({ file: fileName, line: 1, column: 1, id: void 0, text: yamlFileNotText(fileName, notText, 'the assumptions (an "assumptions:" list)') });
  const entrySchema = options.legacy === true ? LegacyAssumptionEntrySchema : AssumptionEntrySchema;
  const quick = readQuickly(text);
  const quickly = quick === void 0 ? void 0 : validate(quick, fileName, entrySchema);
  if (quickly instanceof AssumptionRegistry) return quickly;
  const read = validate(readWithYaml(text, fileName), fileName, entrySchema);
  if (read instanceof AssumptionRegistry) return read;
  return fail(...read);
}
function validate(file, fileName, entrySchema) {
  const problem = (where, id, message) => ({ file: fileName, line: where.line, column: where.column, id, text: message });
  if (file.keys === void 0) return [problem(file.rootAt, void 0, notAnAssumptionsFile())];
  const topProblems = file.keys.filter((key) => !TOP_LEVEL_KEYS.includes(key.name)).map((key) => problem(key.at, void 0, unknownTopLevelKey(key.name, TOP_LEVEL_KEYS, plausibleName(key.name, TOP_LEVEL_KEYS))));
  const list3 = file.list("assumptions");
  const misspelt = list3 === void 0 && file.keys.some((key) => plausibleName(key.name, TOP_LEVEL_KEYS) === "assumptions");
  if (!isList(list3)) return misspelt && topProblems.length > 0 ? topProblems : [problem(list3 === void 0 ? file.rootAt : list3.notAList, void 0, notAnAssumptionsFile()), ...topProblems];
  const problems = [...topProblems];
  const assumptions = [];
  const firstLineOf = /* @__PURE__ */ new Map();
  for (const item of list3) {
    const raw = item.value;
    const rawId = isRecord(raw) && typeof raw.id === "string" ? raw.id : void 0;
    const at2 = (path, message, pointAtKey = false) => problem(item.at(path, pointAtKey), rawId, message);
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(
        ...withoutExplained(parsed.error.issues).map(
          (issue) => at2(issuePath(issue), issueMessage(issue, raw, rawId), issue.code === "unrecognized_keys")
        )
      );
      const meant = isRecord(raw) && typeof raw.kind === "string" && !KINDS.includes(raw.kind) ? plausibleName(raw.kind, KINDS) : void 0;
      if (isRecord(raw) && meant !== void 0) problems.push(...kindProblems({ id: rawId ?? "", kind: meant, note: typeof raw.note === "string" ? raw.note : void 0 }).map((p) => at2(p.path, p.message)));
      continue;
    }
    const shapeProblems = valueProblems(parsed.data);
    const resolved = { ...parsed.data, distribution: resolvedDistribution(parsed.data) };
    const outside = shapeProblems.length > 0 ? [] : supportProblems(resolved);
    const boundProblems = outside.length > 0 || shapeProblems.length > 0 ? outside : tailProblems(resolved);
    const relationProblems = [...shapeProblems, ...boundProblems, ...kindProblems(parsed.data)];
    if (relationProblems.length > 0) {
      problems.push(...relationProblems.map((p) => at2(p.path, p.message)));
      continue;
    }
    const { line, column } = item.at([]);
    const firstLine = firstLineOf.get(parsed.data.id);
    if (firstLine !== void 0) {
      problems.push(at2(["id"], duplicateId(parsed.data.id, firstLine)));
      continue;
    }
    firstLineOf.set(parsed.data.id, line);
    assumptions.push(toAssumption(parsed.data, { file: fileName, line, column }));
  }
  if (isProblems(problems)) return problems;
  const byId = new Map(assumptions.map((a) => [a.id, a]));
  const registryForNames = new AssumptionRegistry(assumptions, fileName);
  const context = {
    assumptions: byId,
    position: (item) => ({ file: fileName, ...item.at([]) }),
    nearest: (id) => registryForNames.nearestIds(id)
  };
  const listAt = (key, notAList) => {
    const items = file.list(key);
    if (items === void 0) return { items: [] };
    return isList(items) ? { items } : { problem: problem(items.notAList, void 0, notAList) };
  };
  const correlationItems = listAt("correlations", invalidCorrelation(0, "correlations", "expected a list"));
  if ("problem" in correlationItems) return [correlationItems.problem];
  const { correlations, problems: correlationProblems } = parseCorrelations(correlationItems.items, {
    ...context,
    at: (item, path, id, message) => problem(item.at(path), id, message)
  });
  if (isProblems(correlationProblems)) return correlationProblems;
  const totalItems = listAt("totals", invalidTotal(0, "totals", "expected a list"));
  if ("problem" in totalItems) return [totalItems.problem];
  const { totals, problems: totalProblems } = parseTotals(totalItems.items, {
    ...context,
    at: (item, path, message) => problem(item.at(path), void 0, message)
  });
  if (isProblems(totalProblems)) return totalProblems;
  return new AssumptionRegistry(attachCorrelations(assumptions, correlations), fileName, correlations, totals);
}
function isProblems(problems) {
  return problems.length > 0;
}
function fail(...problems) {
  const [first, ...rest] = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  throw new AssumptionError([first ?? problems[0], ...rest]);
}
function toAssumption(entry, position) {
  const { title, url, date } = entry.source;
  const source = Object.freeze({ title, ...url === void 0 ? {} : { url }, date });
  return Object.freeze({
    id: entry.id,
    label: entry.label,
    unit: entry.unit,
    ...entry.value === void 0 ? {} : { value: entry.value },
    ...entry.range === void 0 ? {} : { range: Object.freeze({ low: entry.range.low, high: entry.range.high }) },
    ...entry.mode === void 0 ? {} : { mode: entry.mode },
    distribution: resolvedDistribution(entry),
    ...entry.kind === void 0 ? {} : { kind: entry.kind },
    source,
    ...entry.note === void 0 ? {} : { note: entry.note },
    ...entry.support === void 0 ? {} : { support: Object.freeze({ ...entry.support }) },
    position: Object.freeze(position)
  });
}
function issuePath(issue) {
  const path = issue.path;
  return issue.code === "unrecognized_keys" && issue.keys[0] !== void 0 ? [...path, issue.keys[0]] : path;
}
var FIELDS_AT = {
  "": ENTRY_FIELDS,
  range: Object.keys(RangeSchema.shape),
  source: Object.keys(SourceSchema.shape)
};
function issueMessage(issue, raw, id) {
  const path = issue.path;
  const field = path.join(".");
  const last = path[path.length - 1];
  if (issue.code === "unrecognized_keys") {
    const known = FIELDS_AT[field] ?? [];
    const given2 = issue.keys[0] ?? "";
    const glued = issue.keys.flatMap((key) => gluedKey(key, known) ?? []);
    if (glued[0]?.written === given2) return keyWithoutSpace(id, given2, glued.map(({ key, value }) => `${key}: ${value}`));
    return unknownField(id, given2, nearestName(given2, known), known);
  }
  if (last === "kind" && valueAt(raw, path) === void 0) return missingKind(id);
  if (issue.code === "invalid_value" && last === "distribution") {
    const given2 = String(valueAt(raw, path));
    return unknownDistribution(id, given2, plausibleName(given2, DISTRIBUTIONS), DISTRIBUTIONS);
  }
  if (issue.code === "invalid_value" && last === "kind") {
    const kinds = issue.values.map(String);
    return unknownKind(id, String(valueAt(raw, path)), plausibleName(String(valueAt(raw, path)), kinds), kinds);
  }
  const bounds = last === "range" && issue.code === "invalid_type" ? boundsOf(valueAt(raw, path)) : void 0;
  if (bounds !== void 0) return rangeAsMapping(id, bounds.low, bounds.high);
  const given = valueAt(raw, path);
  if (issue.code === "invalid_type" && issue.expected === "number" && typeof given === "string") return notANumber(id, field, given);
  const one = last === "range" && issue.code === "invalid_type" ? valueAt(raw, path) : void 0;
  if (typeof one === "number") return rangeOneNumber(id, String(one));
  if (issue.code === "invalid_type" && valueAt(raw, path) === void 0) {
    if (path.length === 0) return invalidField(id, "entry", "expected a mapping of fields");
    if (last === "source") return missingSource(id);
    if (last === "id") return missingId();
    return missingField(id, field);
  }
  if (last === "id" && issue.code === "invalid_format") return badId(String(valueAt(raw, path)));
  return invalidField(id, field || "entry", issue.message);
}
function gluedKey(written, known) {
  const parts = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(written);
  return parts?.[1] !== void 0 && parts[2] !== void 0 && known.includes(parts[1]) ? { written, key: parts[1], value: parts[2] } : void 0;
}
function withoutExplained(issues) {
  const held = new Set(
    issues.flatMap(
      (issue) => issue.code === "unrecognized_keys" ? issue.keys.flatMap((key) => {
        const glued = gluedKey(key, FIELDS_AT[issue.path.join(".")] ?? []);
        return glued === void 0 ? [] : [[...issue.path, glued.key].join(".")];
      }) : []
    )
  );
  return issues.filter((issue) => !(issue.code === "invalid_type" && issue.input === void 0 && held.has(issue.path.join("."))));
}
function boundsOf(value) {
  if (Array.isArray(value) && value.length === 2 && value.every((end) => typeof end === "number")) return { low: String(value[0]), high: String(value[1]) };
  const number2 = String.raw`[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
  const ends = typeof value === "string" ? new RegExp(`^\\s*(${number2})\\s*(?:\\.\\.|\u2013|\u2014|-|\\s+to\\s+)\\s*(${number2})\\s*$`, "i").exec(value) : null;
  return ends?.[1] === void 0 || ends[2] === void 0 ? void 0 : { low: ends[1], high: ends[2] };
}
function valueAt(raw, path) {
  let current = raw;
  for (const segment of path) {
    if (!isRecord(current) && !Array.isArray(current)) return void 0;
    current = current[segment];
  }
  return current;
}

// src/api/assumptions-port.ts
function loadAssumptionsForJupyter(file) {
  const registry = parseAssumptions(readFileSync2(file, "utf8"), file);
  return registry.reader("jupyter");
}

// src/api/jupyter.ts
import { existsSync as existsSync5 } from "node:fs";

// src/config/index.ts
import { dirname as dirname4, join as join4, resolve as resolve5 } from "node:path";
import { existsSync as existsSync3, lstatSync, readlinkSync, statSync as statSync2 } from "node:fs";

// src/messages/report.ts
import { dirname as dirname2 } from "node:path";

// src/format/number.ts
var NUMBER_FORMATS = ["usd", "multiple", "percent", "count", "year", "number"];
function isNumberFormat(value) {
  return typeof value === "string" && NUMBER_FORMATS.includes(value);
}
var MINUS = "\u2212";
var EN_DASH = "\u2013";
var USD_SCALES = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "K"]
];
function formatNumber(x, format = "number") {
  if (!Number.isFinite(x)) return "n/a";
  const sign = x < 0 ? MINUS : "";
  const magnitude = Math.abs(x);
  switch (format) {
    case "usd":
      return `${sign}$${formatUsdMagnitude(magnitude)}`;
    case "multiple":
      return `${sign}${magnitude >= 10 ? groupThousands(Math.round(magnitude)) : magnitude >= 1 ? trimZeros(magnitude.toFixed(1)) : significant(magnitude, 2)}\xD7`;
    case "percent": {
      const percent = magnitude * 100;
      return `${sign}${Number.isFinite(percent) ? formatPercentMagnitude(percent) : powerOfTen(magnitude, 2)}%`;
    }
    case "count":
      return `${sign}${groupThousands(Math.round(magnitude))}`;
    case "year":
      return `${Math.floor(x + 1e-9)}`;
    case "number":
      return `${sign}${significant(magnitude, 3)}`;
  }
}
function formatFactor(factor) {
  const text = formatNumber(factor, "multiple");
  return text === "1\xD7" ? `${formatNumber(factor, "number")}\xD7` : text;
}
function formatInterval(low, high, format = "number") {
  if (low === high && format === "percent") return exactPercent(low);
  if (formatNumber(low, format) === formatNumber(high, format)) return formatNumber(low, format);
  return `${formatNumber(low, format)}${EN_DASH}${formatNumber(high, format)}`;
}
function formatSummary(summary, format = "number") {
  return `${formatNumber(summary.p50, format)} (90% CI ${formatInterval(summary.p5, summary.p95, format)})`;
}
function formatFigure(figure) {
  const body = figure.summary !== void 0 ? formatSummary(figure.summary, figure.format) : formatNumber(figure.value ?? Number.NaN, figure.format);
  return `${appendUnit(body, figure.unit, figure.format)}${formatAlternatives(figure)}`;
}
function formatAlternatives(figure) {
  const alternatives = figure.alternatives ?? [];
  if (alternatives.length === 0) return "";
  const medians = alternatives.map((a) => a.p50);
  const range = formatIntervalWithUnit(Math.min(...medians), Math.max(...medians), figure.format, figure.unit);
  const where = figure.alternativesWhere === void 0 ? "" : ` in ${figure.alternativesWhere}`;
  const only = alternatives[0];
  if (alternatives.length === 1 && only !== void 0) return ` as modelled; ${range} under the alternative (${only.label})${where}`;
  return ` as modelled; ${range} under the alternatives${where}`;
}
function formatFigureValue(figure) {
  const value = figure.summary !== void 0 ? figure.summary.p50 : figure.value ?? Number.NaN;
  return appendUnit(formatNumber(value, figure.format), figure.unit, figure.format);
}
function formatIntervalWithUnit(low, high, format, unit) {
  return appendUnit(formatInterval(low, high, format), unit, format);
}
function appendUnit(text, unit, format) {
  const trimmed = unit.trim();
  if (trimmed === "") return text;
  if (format === "usd") {
    const perUnit = /^(?:USD|\$)\s*(\/.+)$/i.exec(trimmed);
    return perUnit?.[1] !== void 0 ? withSuffix(text, perUnit[1]) : text;
  }
  if (format === "multiple" || format === "percent" || format === "year") return text;
  if (/^[x\u00d7]$/i.test(trimmed)) return withSuffix(text, "\xD7");
  return withSuffix(text, ` ${trimmed}`);
}
function exactPercent(x) {
  const percent = Math.abs(x) * 100;
  for (const digits of [2, 3, 4]) {
    const rounded = Number(percent.toPrecision(digits));
    if (Math.abs(rounded - percent) <= 1e-9 * Math.max(1, percent)) {
      return digits === 2 ? formatNumber(x, "percent") : `${x < 0 ? MINUS : ""}${significant(percent, digits)}%`;
    }
  }
  return formatNumber(x, "percent");
}
var SUPERSCRIPT_DIGITS = "\u2070\xB9\xB2\xB3\u2074\u2075\u2076\u2077\u2078\u2079";
function superscript(exponent) {
  return [...String(exponent)].map((digit) => digit === "-" ? "\u207B" : SUPERSCRIPT_DIGITS[Number(digit)] ?? digit).join("");
}
function powerOfTen(x, shift = 0) {
  const [mantissaText = "", exponentText = "0"] = Math.abs(x).toExponential(2).split("e");
  const mantissa = trimZeros(mantissaText);
  return `${x < 0 ? MINUS : ""}${mantissa === "1" ? "" : `${mantissa}\xD7`}10${superscript(Number(exponentText) + shift)}`;
}
var E_NOTATION = 1e21;
function withSuffix(text, suffix) {
  const match = /^(\S+) \(90% CI (\S+)\u2013(\S+)\)$/.exec(text);
  if (match === null) return `${text}${suffix}`;
  return `${match[1]}${suffix} (90% CI ${match[2]}${EN_DASH}${match[3]}${suffix})`;
}
function formatUsdMagnitude(magnitude) {
  if (magnitude >= 1e18) return powerOfTen(magnitude);
  for (const [scale, suffix] of USD_SCALES) {
    if (Number(magnitude.toPrecision(3)) >= scale) return `${significant(magnitude / scale, 3)}${suffix}`;
  }
  if (magnitude >= 100) return groupThousands(Math.round(magnitude));
  return magnitude >= 1 ? significantFixed(magnitude) : underADollar(magnitude);
}
function underADollar(magnitude) {
  if (magnitude === 0) return "0";
  const text = significant(magnitude, 2);
  if (text.includes("\xD7")) return text;
  const decimals = text.split(".")[1]?.length ?? 0;
  return decimals >= 2 ? text : magnitude.toFixed(2);
}
function significantFixed(magnitude) {
  if (magnitude >= 10) return trimZeros(magnitude.toFixed(1));
  const cents = magnitude.toFixed(2);
  return cents.endsWith(".00") ? cents.slice(0, -3) : cents;
}
function formatPercentMagnitude(percent) {
  if (percent >= 10 || percent === 0) return groupThousands(Math.round(percent));
  return significant(percent, 2);
}
function significant(magnitude, digits) {
  if (magnitude === 0) return "0";
  const rounded = Number(magnitude.toPrecision(digits));
  if (!(rounded < E_NOTATION)) return powerOfTen(magnitude);
  if (rounded >= 10 ** digits) return groupThousands(Math.round(rounded));
  if (rounded < 1e-15) {
    const [mantissa = "", exponent = ""] = rounded.toExponential(digits - 1).split("e");
    return `${trimZeros(mantissa)}\xD710${superscript(Number(exponent))}`;
  }
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(rounded)));
  return trimZeros(rounded.toFixed(Math.min(decimals, 20)));
}
function groupThousands(integer) {
  if (Number.isFinite(integer) && Math.abs(integer) >= E_NOTATION) return powerOfTen(integer);
  return integer.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function trimZeros(text) {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

// src/messages/report.ts
var configYamlSyntax = (where, detail) => `${at(where)}: report.yaml is not valid YAML: ${detail}`;
var configNotMapping = (where, kind) => `${at(where)}: report.yaml is a ${kind}, where the report's settings are keys, one per line at the start of it: "title: \u2026", then "chapters:" with one "  - NN-name.ipynb" line per notebook`;
var configUnknownKey = (where, key, nearest, known) => `${at(where)}: unknown key "${key}" in report.yaml` + // With no likely meant key, the keys there: the reader picks one rather than guessing again.
(nearest !== void 0 ? didYouMean(nearest) : `. ${key.includes(".") ? `The keys of "${key.slice(0, key.lastIndexOf("."))}" are` : "report.yaml's keys are"}: ${known.join(", ")}`);
var configMissingKey = (where, key) => `${at(where)}: report.yaml needs "${key}"`;
var configInvalidValue = (where, key, problem) => `${at(where)}: "${key}" in report.yaml: ${problem}`;
var configUnknownValue = (where, key, given, meant, known) => `${at(where)}: "${key}" in report.yaml is "${given}"${meant === void 0 ? "; it" : `${didYouMean(meant)} It`} takes one of ${known.map((value) => `"${value}"`).join(", ")}`;
var configTextNotValue = (where, key, given, expected) => `${at(where)}: "${key}" in report.yaml is the text "${given}", ` + (expected === "boolean" ? "where true or false goes: write true or false (YAML 1.2, which these files are read with, reads yes, no, on and off as text)" : "where a number goes: write one number, without quotes, a unit or a range");
var configWrongKind = (where, key, given, expected, example) => `${at(where)}: "${key}" in report.yaml is ${given === "empty" ? "empty" : given}, where ${expected} goes; write it as ${example}`;
var configNumberOutOfRange = (where, key, given, takes) => `${at(where)}: "${key}" in report.yaml is ${String(given)}; it takes ${takes}`;
var configChapterOutside = (where, chapter, root) => `${at(where)}: chapter ${chapter} is outside the project ${root}; move the notebook into the project (e.g. notebooks/) and list it from there`;
var configChapterLinksOutside = (where, chapter, target, root) => `${at(where)}: chapter ${chapter} is a symbolic link to ${target}, outside the project ${root}; git keeps only the link, so a published version could not say what the chapter was: move the notebook into the project (e.g. notebooks/) and list it from there`;
var configInputOutside = (where, name, root) => `${at(where)}: ${name} is outside the project ${root}; diff reads it at git refs and a published version names it by its project path, so a change there would leave no trace: move the file into the project (e.g. notebooks/) and name it from there`;
var configInputLinksOutside = (where, name, target, root) => `${at(where)}: ${name} is a symbolic link to ${target}, outside the project ${root}; git keeps only the link, so a published version could not say what the file held: move the file into the project (e.g. notebooks/) and name it from there`;
var configMissingChapter = (where, chapter, resolved, renamedTo) => `${at(where)}: chapter "${chapter}" listed in report.yaml does not exist (looked for ${resolved})` + (renamedTo === void 0 ? "; restore the file, or take its line out of report.yaml" : `${didYouMean(renamedTo)} List the notebook under its new name in report.yaml, or restore the file`);
var configChapterFromProject = (where, chapter, fromNotebooks) => `${at(where)}: chapter "${chapter}" listed in report.yaml is named from the project's folder; chapters are named from the folder report.yaml is in: write "${fromNotebooks}"`;
var configChapterNotNotebook = (where, chapter, meant) => `${at(where)}: chapter "${chapter}" listed in report.yaml is not a notebook file name (chapters are .ipynb files)${meant === void 0 ? "" : didYouMean(meant)}`;
var configChaptersNotList = (where, written, name) => `${at(where)}: "chapters" in report.yaml is a list, one "  - " line per notebook, and it is written "${written}": ` + (name === void 0 ? 'write "chapters:" alone on its line, then a "  - NN-name.ipynb" line for each chapter' : `write "chapters:" alone on its line, then "  - ${name}" on the next`);
var configChapterNotName = (where, written, shape) => {
  const item = written === "" || written === "-" ? "a chapter item in report.yaml" : `chapter item "${written}" in report.yaml`;
  switch (shape.kind) {
    case "empty":
      return `${at(where)}: ${item} is empty: write the notebook's file name after the "- " (as "- 09-energy.ipynb"), or take the line out`;
    case "mapping":
      return `${at(where)}: ${item} is read as a key and its value (": " makes a mapping), not a notebook file name: write the file name alone` + (shape.meant === void 0 ? "" : ` ("- ${shape.meant}"), and any note after it as a "# " comment`);
    case "list":
      return `${at(where)}: ${item} is a list, not a notebook file name: write each chapter on a "- " line of its own`;
    case "number":
      return `${at(where)}: ${item} is a number, not a notebook file name (chapters are .ipynb files): write the notebook's file name ` + (shape.meant === void 0 ? '(as "- 09-energy.ipynb")' : `("- ${shape.meant}" is the notebook numbered ${written})`);
    default:
      return `${at(where)}: ${item} is ${shape.kind === "boolean" ? "read as yes or no" : "no text"}, not a notebook file name (chapters are .ipynb files): write the notebook's file name (as "- 09-energy.ipynb")`;
  }
};
var configChaptersJoined = (where, chapter, names) => {
  if (names.length <= 2) {
    return `${at(where)}: chapter "${chapter}" listed in report.yaml is ${names.map((name) => `"${name}"`).join(" and ")} read as one name: a "- " line indented further than the one above it continues that item. Start every chapter's "- " at the same column`;
  }
  const [first = "", second = ""] = names;
  return `${at(where)}: the chapters "${first}", "${second}" and ${names.length - 2} more listed in report.yaml are read as one name: the "- " lines under "${first}" are indented further than it, so each continues it. Start every chapter's "- " at the same column`;
};
var configChapterIsFolder = (where, chapter) => `${at(where)}: chapter "${chapter}" listed in report.yaml is a folder, not a notebook; list the .ipynb file inside it`;
var configChapterBrokenLink = (where, chapter) => `${at(where)}: chapter "${chapter}" listed in report.yaml is a symbolic link that leads nowhere (or loops); point it at the notebook, or list the notebook itself`;
var configAssumptionsBrokenLink = (where, file) => `${at(where)}: assumptions file "${file}" named in report.yaml is a symbolic link that leads nowhere (or loops); point it at the assumptions file, or name that file itself`;
var configMissingAssumptions = (where, file, resolved, meant) => `${at(where)}: assumptions file "${file}" named in report.yaml does not exist (looked for ${resolved})${meant === void 0 ? "" : didYouMean(meant)}`;
var configNoChapters = (where) => `${at(where)}: report.yaml lists no chapters: list the chapter notebooks under "chapters" (\`fragtax new <name>\` makes one and lists it)`;
var configDuplicateChapter = (where, chapter) => `${at(where)}: chapter "${chapter}" is listed twice in report.yaml: take this line out (a chapter appears once in the report)`;
var rootWithoutReport = (dir, state, project = dirname2(dir)) => state === "missing" ? `--root ${dir}: there is no such folder; pass the report's project folder, the one that holds notebooks/report.yaml` : state === "file" ? `--root ${dir}: that is a file, not a folder; --root names the report's project folder, the one that holds notebooks/report.yaml (did you mean --root ${project}?)` : state === "notebooks-folder" ? `--root ${dir}: this is the notebooks/ folder; --root names the project folder above it (--root ${dirname2(dir)})` : `--root ${dir}: no notebooks/report.yaml in it; --root names the report's project folder, the one that holds notebooks/report.yaml`;
var reportYamlDanglingLink = (link, target, loops = false) => `${link} is a symbolic link to ${target}, which ${loops ? "leads back to it (the links loop)" : "does not exist"}; restore the file it points to, or put report.yaml itself in its place`;
var reportYamlNotFound = (startDir) => `no report.yaml found in ${startDir} or any folder above it (and none in its notebooks/ folder); run from the report's folder or pass --root DIR`;
var mdCannotInterpolate = (index, kind) => `nb.md: value #${index + 1} is ${kind}; interpolate a number, a string, a figure (nb.figure(...)) or a Summary, or format it with nb.fmt(...)`;
var mdObjectAsText = (index) => `nb.md: value #${index + 1} contains "[object Object]": an object became text before nb.md saw it (often a summary inside a template literal nested in nb.md's); interpolate it directly, format it with nb.fmt(...), or build the inner text with nb.mdFragment\`...\``;
var figureNeedsOneValue = (id) => `nb.figure("${id}"): give exactly one of "value" (a number) or "summary" (a Monte Carlo summary)`;
var apiBadChoice = (call, field, got, choices) => `${call}: "${field}" is ${got}; use one of ${choices.map((c) => `"${c}"`).join(", ")}`;
var apiBadOptional = (call, field, got, want) => `${call}: "${field}" is ${got}; give ${want} or leave it out`;
var apiBadId = (call, field, got, word) => `${call}: "${field}" is ${got}; an id names its record in figures.json, claims.json, diffs and errata as written: use letters, digits, _, . and - only, starting with a letter or digit${word === void 0 ? "" : ` (e.g. "${word}")`}`;
var apiMissingText = (call, field, got) => `${call}: "${field}" is ${got}; give it as a non-empty string`;
var apiBadNumber = (call, field, got) => got === "missing" || !/^(NaN|-?Infinity)$/.test(got) ? `${call}: "${field}" is ${got}; it must be a finite number` : `${call}: "${field}" is ${got}, not a finite number; check the model inputs that lead to it`;
var apiRangeReversed = (call, field, low, high) => `${call}: "${field}.low" ${low} is above "${field}.high" ${high}; give the smaller end as low (were they swapped?)`;
var apiMedianOutside = (call, field, p50, low, high) => `${call}: "${field}.p50" ${p50} is outside "${field}.low"\u2013"${field}.high" (${low}\u2013${high}); give the median of the same summary (computedRange(result.outputs.name))`;
var apiSummaryDisordered = (call, field, lower, lowerValue, upper, upperValue) => `${call}: "${field}.${lower}" ${lowerValue} is above "${field}.${upper}" ${upperValue}; a summary's percentiles rise (p5 \u2264 p25 \u2264 p50 \u2264 p75 \u2264 p95): pass a Monte Carlo output (result.outputs.name) or correct the numbers`;
var apiBadSummary = (call, field, got) => `${call}: "${field}" is ${got}; pass a Monte Carlo output (result.outputs.name) or an object with mean, p5, p25, p50, p75, p95`;
var alternativeNeedsOneValue = (figureId, alternativeId) => `figure "${figureId}": alternative "${alternativeId}" needs exactly one of "value" or "summary", with finite numbers`;

// src/config/root.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname as dirname3, join as join2, resolve as resolve3 } from "node:path";
function findReportYaml(from, exists = existsSync2) {
  let dir = resolve3(from);
  for (; ; ) {
    for (const candidate of [join2(dir, "report.yaml"), join2(dir, "notebooks", "report.yaml")]) {
      if (exists(candidate)) return candidate;
    }
    const parent = dirname3(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}

// src/config/paths.ts
import { join as join3, resolve as resolve4 } from "node:path";
function outPaths(root) {
  const out = join3(resolve4(root), "out");
  const cache = join3(out, ".cache");
  return {
    build: join3(out, "build"),
    executed: join3(out, "build", "executed"),
    reports: join3(out, "reports"),
    cache,
    notebookCache: join3(cache, "notebooks"),
    chartCache: join3(cache, "charts"),
    engineCache: join3(cache, "engine")
  };
}

// src/config/index.ts
var ConfigNotFoundError = class extends InputError {
  /** `explicitRoot`: the folder came from `--root`, where nothing is searched upward (the message says what --root wants). */
  constructor(startDir, explicitRoot = false) {
    const dangling = danglingReportLink(startDir, explicitRoot);
    super(
      dangling !== void 0 ? reportYamlDanglingLink(dangling.link, dangling.target, dangling.loops) : explicitRoot ? rootWithoutReport(startDir, rootState(startDir), projectAbove(startDir)) : reportYamlNotFound(startDir)
    );
    this.startDir = startDir;
  }
  startDir;
};
function danglingReportLink(startDir, explicitRoot) {
  const candidates = (dir) => explicitRoot ? [join4(dir, "notebooks", "report.yaml")] : [join4(dir, "report.yaml"), join4(dir, "notebooks", "report.yaml")];
  for (let dir = resolve5(startDir); ; dir = dirname4(dir)) {
    for (const candidate of candidates(dir)) {
      try {
        if (lstatSync(candidate).isSymbolicLink() && !existsSync3(candidate)) return { link: candidate, target: readlinkSync(candidate), loops: linkLoops(candidate) };
      } catch {
      }
    }
    if (explicitRoot || dirname4(dir) === dir) return void 0;
  }
}
function linkLoops(path) {
  try {
    statSync2(path);
    return false;
  } catch (error) {
    return error.code === "ELOOP";
  }
}
function projectAbove(path) {
  for (let at2 = dirname4(path); ; at2 = dirname4(at2)) {
    if (existsSync3(join4(at2, "notebooks", "report.yaml"))) return at2;
    if (dirname4(at2) === at2) return dirname4(path);
  }
}
function rootState(dir) {
  if (!existsSync3(dir)) return "missing";
  if (!statSync2(dir).isDirectory()) return "file";
  return existsSync3(join4(dir, "report.yaml")) ? "notebooks-folder" : "no-report";
}
var ConfigError = class extends InputError {
  constructor(message, file, line, column) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }
  file;
  line;
  column;
};
function findConfigFile(startDir, exists = existsSync3) {
  const found = findReportYaml(startDir, exists);
  if (found === void 0) throw new ConfigNotFoundError(resolve5(startDir));
  return found;
}
function configRoot(file, root) {
  return resolve5(root ?? dirname4(dirname4(resolve5(file))));
}

// src/config/parse.ts
import { dirname as dirname6, isAbsolute as isAbsolute2, relative as relative2, resolve as resolve6 } from "node:path";
import { existsSync as existsSync4, lstatSync as lstatSync2, statSync as statSync4 } from "node:fs";
import { LineCounter as LineCounter2 } from "yaml";
import { z as z2 } from "zod";

// src/messages/errata.ts
var errataFileMissing = (where, name, path) => located(where, `errata file "${name}" not found (looked for ${path}); create it or remove the "errata" key`);

// src/model/defaults.ts
var DEFAULT_SEED = 20260428;
var DEFAULT_SAMPLES = 1e4;
var DEFAULT_MONTE_CARLO = { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED };

// src/config/unlisted.ts
import { readdirSync, statSync as statSync3 } from "node:fs";
import { basename as basename2, dirname as dirname5, join as join5 } from "node:path";
function unlistedNotebooks(folder, listed) {
  let names;
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const chapters = new Set(listed);
  const isFile = (path) => {
    try {
      return statSync3(path).isFile();
    } catch {
      return false;
    }
  };
  return names.filter((name) => name.endsWith(".ipynb") && !name.startsWith(".") && !chapters.has(join5(folder, name)) && isFile(join5(folder, name))).sort();
}
function yamlFileLike(path, written) {
  let names;
  try {
    names = readdirSync(dirname5(path)).filter((name) => /\.ya?ml$/i.test(name) && name !== "report.yaml");
  } catch {
    return void 0;
  }
  const meant = renamedFileLike(basename2(path), names);
  return meant === void 0 ? void 0 : written.includes("/") ? `${written.slice(0, written.lastIndexOf("/") + 1)}${meant}` : meant;
}
function unlistedNotebookLike(chapterFile, listed) {
  return renamedFileLike(basename2(chapterFile), unlistedNotebooks(dirname5(chapterFile), listed));
}

// src/config/parse.ts
var isoDate = z2.union([
  z2.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-04-28").refine(isCalendarDate, "not a calendar date (check the month and day)"),
  z2.date()
]);
var TEXT_LIMIT = "characters at most: it heads the title page and every PDF page; put the rest in a chapter";
var ReportYaml = z2.strictObject({
  title: z2.string().min(1).max(300, `300 ${TEXT_LIMIT}`),
  subtitle: z2.string().max(600, `600 ${TEXT_LIMIT}`).optional(),
  author: z2.string().max(300, `300 ${TEXT_LIMIT}`).optional(),
  date: isoDate.optional(),
  asOf: isoDate.optional(),
  assumptions: z2.string().min(1).default("assumptions.yaml"),
  errata: z2.string().min(1).optional(),
  // May be empty to parse (`fragtax new` adds the first chapter); every other command refuses that below.
  // `chapters:` with nothing after it reads as null: no chapters, said as such below, not as zod's "received null".
  chapters: z2.array(z2.string().regex(/\.ipynb$/, "expected a .ipynb file name")).nullable().transform((chapters) => chapters ?? []),
  outputs: z2.strictObject({ html: z2.boolean().default(true), pdf: z2.boolean().default(true) }).default({ html: true, pdf: true }),
  paper: z2.enum(["A4", "Letter"]).default("A4"),
  montecarlo: z2.strictObject({
    samples: z2.number().int().min(100).max(1e7).default(DEFAULT_MONTE_CARLO.samples),
    seed: z2.number().int().default(DEFAULT_MONTE_CARLO.seed)
  }).default(DEFAULT_MONTE_CARLO)
});
var TOP_LEVEL_KEYS2 = Object.keys(ReportYaml.shape);
function normalizeConfig(text, fileName, options = {}) {
  const file = resolve6(fileName);
  const root = configRoot(file, options.root);
  const shown = relative2(root, file) || file;
  const notText = notYamlText(text);
  if (notText !== void 0) throw new ConfigError(located({ file: shown, line: 1, column: 1 }, yamlFileNotText(shown, notText, "the report's settings (title, chapters, \u2026)")), file, 1, 1);
  const lineCounter = new LineCounter2();
  const document = parseYamlDocument(text, { lineCounter, prettyErrors: false });
  const locate = (path) => locateNode(document, lineCounter, shown, path);
  const locateValue = (path) => {
    const start = rangeStart(document.getIn(path, true));
    return start === void 0 ? locate(path) : { file: shown, ...columnOf(lineCounter.linePos(start)) };
  };
  const syntaxError = document.errors[0];
  if (syntaxError !== void 0) {
    const { line, column, detail } = yamlSyntaxProblem(text, syntaxError);
    throw new ConfigError(configYamlSyntax({ file: shown, line, column }, detail), file, line, column);
  }
  const resolved = plainYaml(document, text);
  if ("problem" in resolved) {
    const { line, column, detail } = resolved.problem;
    throw new ConfigError(configYamlSyntax({ file: shown, line, column }, detail), file, line, column);
  }
  const content = resolved.value ?? {};
  if (typeof content !== "object" || Array.isArray(content) || content instanceof Date) {
    const where = locateValue([]);
    throw new ConfigError(configNotMapping(where, Array.isArray(content) ? "list" : "bare text"), file, where.line, where.column);
  }
  const parsed = ReportYaml.safeParse(content, { reportInput: true });
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const issue = issues.find((found) => found.code === "unrecognized_keys") ?? issues[0];
    if (issue?.code === "invalid_type" && issue.path.length === 1 && issue.path[0] === "chapters") {
      const written = writtenText(text, document.getIn(issue.path, true));
      throwAt(locateValue(issue.path), file, (w) => configChaptersNotList(w, written, typeof issue.input === "string" ? issue.input : void 0));
    }
    if (issue?.path[0] === "chapters" && typeof issue.path[1] === "number") {
      const where = locateValue(issue.path);
      const input = issue.input;
      if (typeof input === "string") {
        const meant = notebookMeant(input, dirname6(file), root, options.exists ?? existsSync4);
        throwAt(where, file, (w) => configChapterNotNotebook(w, input, meant));
      }
      const written = writtenText(text, document.getIn(issue.path, true));
      throwAt(where, file, (w) => configChapterNotName(w, written, chapterShape(input, dirname6(file))));
    }
    throw configErrorFromIssue(issue, locate, locateValue, file);
  }
  const spec = parsed.data;
  if (spec.chapters.length === 0 && options.noChaptersYet !== true) throwAt(locateValue(["chapters"]), file, (where) => configNoChapters(where));
  const dir = dirname6(file);
  const exists = options.exists ?? existsSync4;
  const fromRoot = (path) => relative2(root, path) || path;
  const chapters = resolveChapters(spec.chapters, dir, root, exists, locate, file);
  const assumptions = resolve6(dir, spec.assumptions);
  if (!exists(assumptions)) {
    if (isSymbolicLink(assumptions)) throwAt(locate(["assumptions"]), file, (where) => configAssumptionsBrokenLink(where, spec.assumptions));
    throwAt(locate(["assumptions"]), file, (where) => configMissingAssumptions(where, spec.assumptions, fromRoot(assumptions), yamlFileLike(assumptions, spec.assumptions)));
  }
  refuseOutside(assumptions, spec.assumptions, root, locateValue(["assumptions"]), file);
  const errata = spec.errata === void 0 ? void 0 : resolve6(dir, spec.errata);
  if (errata !== void 0 && spec.errata !== void 0 && !exists(errata)) throwAt(locate(["errata"]), file, (where) => errataFileMissing(where, spec.errata ?? "", fromRoot(errata)));
  if (errata !== void 0 && spec.errata !== void 0) refuseOutside(errata, spec.errata, root, locateValue(["errata"]), file);
  return {
    file,
    root,
    title: spec.title,
    ...spec.subtitle !== void 0 && { subtitle: spec.subtitle },
    ...spec.author !== void 0 && { author: spec.author },
    ...spec.date !== void 0 && { date: isoText(spec.date) },
    ...spec.asOf !== void 0 && { asOf: isoText(spec.asOf) },
    chapters,
    assumptions,
    ...errata !== void 0 && { errata },
    outputs: spec.outputs,
    paper: spec.paper,
    montecarlo: spec.montecarlo,
    outDir: outPaths(root).build,
    paths: outPaths(root)
  };
}
function notebookMeant(name, dir, root, exists) {
  const notebook2 = /\.[^./]+$/.test(name) ? name.replace(/\.[^./]+$/, ".ipynb") : `${name}.ipynb`;
  if (exists(resolve6(dir, notebook2))) return notebook2;
  const fromProject = resolve6(root, notebook2);
  if (!isAbsolute2(notebook2) && isInside(dir, fromProject) && exists(fromProject)) return relative2(dir, fromProject);
  return notebook2.includes("/") ? void 0 : renamedFileLike(notebook2, unlistedNotebooks(dir, []));
}
function chapterShape(value, dir) {
  if (value === null || value === void 0) return { kind: "empty" };
  if (Array.isArray(value)) return { kind: "list" };
  if (typeof value === "object" && !(value instanceof Date)) {
    const names = Object.keys(value).filter((key) => key.endsWith(".ipynb"));
    return { kind: "mapping", ...names.length === 1 && names[0] !== void 0 && { meant: names[0] } };
  }
  if (typeof value === "number") {
    const numbered = Number.isInteger(value) && value >= 0 ? unlistedNotebooks(dir, []).filter((entry) => new RegExp(`^0*${value}-`).test(entry)) : [];
    return { kind: "number", ...numbered.length === 1 && numbered[0] !== void 0 && { meant: numbered[0] } };
  }
  return { kind: typeof value === "boolean" ? "boolean" : "other" };
}
function writtenText(text, node) {
  const range = node !== null && typeof node === "object" && "range" in node && Array.isArray(node.range) ? node.range : [];
  const [start, end] = range;
  const written = typeof start === "number" && typeof end === "number" ? text.slice(start, end).trim().split("\n")[0]?.trim() ?? "" : "";
  return written.length > 60 ? `${written.slice(0, 60)}\u2026` : written;
}
function isoText(date) {
  return date instanceof Date ? date.toISOString().slice(0, 10) : date;
}
function loadConfig(fileName, options = {}) {
  return normalizeConfig(readInputTextSync(fileName), fileName, options);
}
function isFolder(path) {
  try {
    return statSync4(path).isDirectory();
  } catch {
    return false;
  }
}
function resolveChapters(names, dir, root, exists, locate, file) {
  const seen = /* @__PURE__ */ new Set();
  return names.map((name, index) => {
    const chapterFile = isAbsolute2(name) ? name : resolve6(dir, name);
    const where = locate(["chapters", index]);
    if (seen.has(chapterFile)) throwAt(where, file, (w) => configDuplicateChapter(w, name));
    seen.add(chapterFile);
    if (!exists(chapterFile)) {
      const joined = name.split(/(?<=\.ipynb)\s+-\s+/);
      if (joined.length > 1 && joined.every((part) => part.endsWith(".ipynb"))) throwAt(where, file, (w) => configChaptersJoined(w, name, joined));
      const brokenLink = isSymbolicLink(chapterFile);
      const fromProject = resolve6(root, name);
      if (!brokenLink && !isAbsolute2(name) && fromProject !== chapterFile && exists(fromProject) && isInside(dir, fromProject)) {
        throwAt(where, file, (w) => configChapterFromProject(w, name, relative2(dir, fromProject)));
      }
      const renamedTo = brokenLink ? void 0 : unlistedNotebookLike(chapterFile, names.map((listed) => isAbsolute2(listed) ? listed : resolve6(dir, listed)));
      throwAt(where, file, (w) => brokenLink ? configChapterBrokenLink(w, name) : configMissingChapter(w, name, relative2(root, chapterFile) || chapterFile, renamedTo));
    }
    if (isFolder(chapterFile)) throwAt(where, file, (w) => configChapterIsFolder(w, name));
    if (!isInside(root, chapterFile)) throwAt(where, file, (w) => configChapterOutside(w, name, root));
    const target = linkedOutside(chapterFile, root);
    if (target !== void 0) throwAt(where, file, (w) => configChapterLinksOutside(w, name, target, root));
    return { number: index + 1, file: chapterFile, relativePath: relative2(root, chapterFile).split("\\").join("/") };
  });
}
function refuseOutside(path, name, root, where, file) {
  if (!isInside(root, path)) throwAt(where, file, (w) => configInputOutside(w, name, root));
  const target = linkedOutside(path, root);
  if (target !== void 0) throwAt(where, file, (w) => configInputLinksOutside(w, name, target, root));
}
function configErrorFromIssue(issue, locate, locateValue, file) {
  const path = issue?.path ?? [];
  const key = path.map(String).join(".");
  if (issue?.code === "unrecognized_keys") {
    const unknown = issue.keys[0] ?? "";
    const where2 = locate([...path, unknown]);
    const candidates = path.length === 0 ? TOP_LEVEL_KEYS2 : nestedKeys(path);
    return new ConfigError(configUnknownKey(where2, [...path, unknown].join("."), plausibleName(unknown, candidates), candidates), file, where2.line, where2.column);
  }
  if (issue?.code === "invalid_type" && issue.input === void 0) {
    const where2 = locate(path.slice(0, -1));
    return new ConfigError(configMissingKey(where2, key), file, where2.line, where2.column);
  }
  const where = locateValue(path);
  if (issue?.code === "invalid_value") {
    const known = issue.values.map(String);
    const given = String(issue.input);
    return new ConfigError(configUnknownValue(where, key, given, plausibleName(given, known), known), file, where.line, where.column);
  }
  const expected = issue?.code === "invalid_type" && typeof issue.input === "string" ? issue.expected : void 0;
  if ((expected === "number" || expected === "boolean") && typeof issue?.input === "string") {
    return new ConfigError(configTextNotValue(where, key, issue.input, expected), file, where.line, where.column);
  }
  const worded = issue === void 0 ? void 0 : wordedIssue(issue, key, where);
  return new ConfigError(worded ?? configInvalidValue(where, key, issue?.message ?? "invalid value"), file, where.line, where.column);
}
var EXAMPLES = {
  montecarlo: `montecarlo: { samples: ${DEFAULT_MONTE_CARLO.samples}, seed: ${DEFAULT_MONTE_CARLO.seed} }`,
  outputs: "outputs: { html: true, pdf: true }",
  "montecarlo.samples": `samples: ${DEFAULT_MONTE_CARLO.samples}`,
  "montecarlo.seed": `seed: ${DEFAULT_MONTE_CARLO.seed}`
};
function wordedIssue(issue, key, where) {
  const last = key.split(".").at(-1) ?? key;
  if (issue.code === "invalid_type") {
    const input = issue.input;
    if (issue.expected === "int" && typeof input === "number") return configNumberOutOfRange(where, key, input, `a whole number${rangeOf(key)}`);
    const expected = { string: "a text", number: "a number", int: "a whole number", boolean: "true or false", object: "a mapping of keys", array: "a list" }[issue.expected];
    if (expected === void 0) return void 0;
    const example = EXAMPLES[key] ?? (issue.expected === "string" ? `${last}: The text, on one line` : issue.expected === "boolean" ? `${last}: true` : issue.expected === "array" ? `${last}: [a, b]` : `${last}: 1`);
    return configWrongKind(where, key, kindOf(input), expected, example);
  }
  if ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number" && typeof issue.input === "number") {
    return configNumberOutOfRange(where, key, issue.input, `a ${key === "montecarlo.samples" ? "whole " : ""}number${rangeOf(key) || (issue.code === "too_small" ? ` of at least ${String(issue.minimum)}` : ` of at most ${String(issue.maximum)}`)}`);
  }
  return void 0;
}
function rangeOf(key) {
  return key === "montecarlo.samples" ? " from 100 to 10,000,000 (draws per model run)" : "";
}
function kindOf(value) {
  if (Array.isArray(value)) return "a list";
  if (value === null || value === void 0) return "empty";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return "a number";
  return typeof value === "boolean" ? "true or false" : "a text";
}
function nestedKeys(path) {
  if (path[0] === "outputs") return ["html", "pdf"];
  if (path[0] === "montecarlo") return ["samples", "seed"];
  return TOP_LEVEL_KEYS2;
}
function throwAt(where, file, message) {
  throw new ConfigError(message(where), file, where.line, where.column);
}
function locateNode(document, lineCounter, file, path) {
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = offsetOf(document, path.slice(0, depth));
    if (offset !== void 0) return { file, ...columnOf(lineCounter.linePos(offset)) };
  }
  return { file, line: 1, column: 1 };
}
function offsetOf(document, path) {
  if (path.length === 0) return document.contents?.range?.[0];
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (parent !== null && typeof parent === "object" && "items" in parent && Array.isArray(parent.items)) {
    for (const [index, item] of parent.items.entries()) {
      if (typeof last === "number" && index === last) return rangeStart(item);
      if (item !== null && typeof item === "object" && "key" in item) {
        const keyNode = item.key;
        if (scalarValue(keyNode) === last) return rangeStart(keyNode);
      }
    }
  }
  return void 0;
}
function rangeStart(node) {
  if (node !== null && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    const start = node.range[0];
    return typeof start === "number" ? start : void 0;
  }
  return void 0;
}
function scalarValue(node) {
  return node !== null && typeof node === "object" && "value" in node ? node.value : node;
}
function columnOf(position) {
  return { line: position.line, column: position.col };
}
function isSymbolicLink(path) {
  try {
    return lstatSync2(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// src/api/jupyter.ts
function jupyterContext(startDir, loadAssumptions) {
  const config = loadConfig(findConfigFile(startDir), { exists: (path) => path.endsWith(".ipynb") || existsSync5(path) });
  return {
    assumptions: loadAssumptions(config.assumptions),
    montecarlo: config.montecarlo,
    recordFigure: () => void 0,
    recordClaim: () => void 0
  };
}

// src/util/html.ts
var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return visibleControls(text, { keepCarriageReturn: true }).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}
var UNESCAPES = Object.fromEntries(Object.entries(ESCAPES).map(([char, entity]) => [entity, char]));

// src/api/judgement.ts
function judgementLedText(claim) {
  const share = claim.basis?.shares.judgement ?? 0;
  const main = claim.basis?.mainJudgement;
  const mainText = main === void 0 ? "" : `, mostly \u201C${main.label}\u201D`;
  return `rests on judgement (${formatNumber(share, "percent")} of the sensitivity${mainText})`;
}

// src/api/display.ts
function figureHtml(figure) {
  return `<div class="fragtax-figure tex2jax_ignore" data-figure-id="${escapeHtml(figure.id)}"><span class="fragtax-figure-label">${escapeHtml(figure.label)}</span> <strong class="fragtax-figure-value">${escapeHtml(formatFigure(figure))}</strong></div>`;
}
function claimComputedText(claim) {
  return claim.verdict === "unverifiable" ? null : formatIntervalWithUnit(claim.computed.low, claim.computed.high, claim.format, claim.unit);
}
function claimStatedText(claim) {
  return formatIntervalWithUnit(claim.stated.low, claim.stated.high, claim.format, claim.unit);
}
function claimHtml(claim) {
  const stated = claimStatedText(claim);
  const computed = claimComputedText(claim);
  const off = claim.factor === null || claim.verdict === "consistent" ? "" : ` ${formatFactor(claim.factor)}`;
  const judgement = claim.basis?.judgementLed === true ? `<span class="judgement-badge">${escapeHtml(judgementLedText(claim))}</span>` : "";
  return `<div class="fragtax-claim verdict-${escapeHtml(claim.verdict)} tex2jax_ignore" data-claim-id="${escapeHtml(claim.id)}"><span class="verdict-badge">${escapeHtml(claim.verdict + off)}</span> <span class="fragtax-claim-text">${escapeHtml(claim.claim)}</span> <span class="fragtax-claim-numbers">stated ${escapeHtml(stated)}; ${computed === null ? "no independent figure" : `model ${escapeHtml(computed)}`}</span>` + // Last, on a line of its own: between the verdict and the claim, the long mark pushed the claim's words apart.
  judgement + `</div>`;
}

// src/vocabulary/results.ts
var VERDICTS = ["consistent", "overstated", "understated", "unverifiable"];

// src/api/validate.ts
var SUMMARY_KEYS = ["p50", "p5", "p95", "p25", "p75", "mean"];
function checkFormat(call, format) {
  if (isNumberFormat(format)) return format;
  throw new Error(apiBadChoice(call, "format", describe(format), NUMBER_FORMATS));
}
function checkVerdict(call, verdict) {
  if (typeof verdict === "string" && VERDICTS.includes(verdict)) return verdict;
  throw new Error(apiBadChoice(call, "verdict", describe(verdict), VERDICTS));
}
function checkUnit(call, unit) {
  if (typeof unit === "string") return unit;
  throw new Error(apiMissingText(call, "unit", describe(unit)));
}
function checkOptionalText(call, field, value) {
  if (value === void 0 || typeof value === "string") return value;
  throw new Error(apiBadOptional(call, field, describe(value), "a string"));
}
function checkDrivers(call, drivers) {
  if (drivers === void 0) return void 0;
  if (!Array.isArray(drivers)) throw new Error(apiBadOptional(call, "drivers", describe(drivers), "a list of assumption ids or { id, share } weights"));
  return drivers.map((driver, index) => {
    if (typeof driver !== "object" || driver === null) return checkText(call, `drivers[${index}]`, driver);
    const { id, share } = driver;
    if (typeof share !== "number") throw new Error(apiBadNumber(call, `drivers[${index}].share`, describe(share)));
    return { id: checkText(call, `drivers[${index}].id`, id), share };
  });
}
var ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
function checkId(call, field, value) {
  const id = checkText(call, field, value);
  if (ID.test(id)) return id;
  const word = id.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^[_.-]+|[_.-]+$/g, "");
  throw new Error(apiBadId(call, field, describe(id), word === "" ? void 0 : word));
}
function checkText(call, field, value) {
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new Error(apiMissingText(call, field, describe(value)));
}
function checkNumber(call, field, value) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new Error(apiBadNumber(call, field, describe(value)));
}
function checkSummary(call, field, value) {
  if (typeof value !== "object" || value === null) throw new Error(apiBadSummary(call, field, describe(value)));
  const record = value;
  const picked = {};
  for (const key of SUMMARY_KEYS) picked[key] = checkNumber(call, `${field}.${key}`, record[key]);
  const rising = ["p5", "p25", "p50", "p75", "p95"];
  rising.slice(1).forEach((upper, index) => {
    const lower = rising[index] ?? "p5";
    const [lowerValue, upperValue] = [picked[lower] ?? 0, picked[upper] ?? 0];
    if (lowerValue > upperValue) throw new Error(apiSummaryDisordered(call, field, lower, lowerValue, upper, upperValue));
  });
  return picked;
}
function checkRange(call, field, value) {
  const record = typeof value === "object" && value !== null ? value : {};
  const low = checkNumber(call, `${field}.low`, record.low);
  const high = checkNumber(call, `${field}.high`, record.high);
  if (low > high) throw new Error(apiRangeReversed(call, field, low, high));
  return { low, high };
}
function describe(value) {
  if (value === void 0) return "missing";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value);
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

// src/api/basis.ts
var JUDGEMENT_LED_THRESHOLD = 0.5;
function claimBasis(drivers, lookup) {
  const weighted = drivers.map((d) => typeof d === "string" ? { id: d, share: 1 } : d).filter((d) => Number.isFinite(d.share) && d.share >= 0);
  const total = weighted.reduce((sum, d) => sum + d.share, 0);
  const normalized = weighted.map((d) => ({ ...d, share: total > 0 ? d.share / total : 1 / weighted.length }));
  const shares = {};
  let main;
  for (const { id, share } of normalized) {
    const assumption = lookup(id);
    const kind = assumption.kind ?? "unknown";
    shares[kind] = (shares[kind] ?? 0) + share;
    if (kind === "judgement" && (main === void 0 || share > main.share)) main = { id, label: assumption.label, share };
  }
  const rounded = Object.fromEntries(Object.entries(shares).map(([kind, share]) => [kind, Math.round(share * 1e3) / 1e3]));
  return { shares: rounded, judgementLed: (shares.judgement ?? 0) > JUDGEMENT_LED_THRESHOLD, ...main === void 0 ? {} : { mainJudgement: main } };
}

// src/api/types.ts
var VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

// src/api/words.ts
var DEFAULT_VERDICT_PHRASES = {
  consistent: "consistent with the model",
  overstated: "overstated by a factor of {factor}",
  understated: "understated by a factor of {factor}",
  unverifiable: "not checkable against an independent figure"
};
function createWords(claimsSoFar, ledgerKey) {
  return {
    compare,
    verdict: verdictPhrase,
    count,
    list: list2,
    claimsSoFar: (filter) => countClaims(claimsSoFar().filter(filter ?? (() => true))),
    countsText,
    ledger: (what = "counts", options = {}) => ledgerKey !== void 0 ? ledgerMarker(ledgerKey, what, options) : ledgerText(claimsSoFar(), what, options)
  };
}
function compare(a, b, phrases, options = {}) {
  const [x, y] = [interval(a), interval(b)];
  const ratio = y.p50 === 0 ? "n/a" : formatNumber(x.p50 / y.p50, "multiple");
  const fill = (phrase) => phrase.replace(/\{ratio\}/g, ratio);
  if (options.overlap === true && x.p5 !== void 0 && y.p5 !== void 0 && x.p95 !== void 0 && y.p95 !== void 0) {
    if (x.p5 <= y.p95 && y.p5 <= x.p95) return fill(phrases.similar);
  } else if (Math.abs(x.p50 - y.p50) <= (options.tolerance ?? 0.1) * Math.abs(y.p50)) {
    return fill(phrases.similar);
  }
  return fill(x.p50 > y.p50 ? phrases.higher : phrases.lower);
}
function interval(value) {
  if (typeof value === "number") return { p50: value };
  const summary = "format" in value ? value.summary ?? { p50: value.value ?? Number.NaN } : value;
  return summary;
}
function verdictPhrase(claim, phrases = {}) {
  const verdict = typeof claim === "string" ? claim : claim.verdict;
  const factor = typeof claim === "string" || claim.factor === null ? "n/a" : formatFactor(claim.factor);
  return (phrases[verdict] ?? DEFAULT_VERDICT_PHRASES[verdict]).replace(/\{factor\}/g, factor);
}
function count(n, singular, plural = `${singular}s`) {
  return n === 0 ? `no ${plural}` : `${formatNumber(n, "count")} ${n === 1 ? singular : plural}`;
}
function list2(items, conjunction = "and") {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1] ?? ""}`;
}
function countClaims(claims) {
  const counts = { consistent: 0, overstated: 0, understated: 0, unverifiable: 0 };
  for (const claim of claims) counts[claim.verdict] += 1;
  return { ...counts, total: claims.length, judgementLed: claims.filter((c) => c.basis?.judgementLed === true).length };
}
function countsText(counts, options = {}) {
  const parts = VERDICTS.filter((v) => counts[v] > 0).map((v, index) => {
    const n = counts[v];
    const verb = options.verb === true && index === 0 ? n === 1 ? " is" : " are" : "";
    return `${formatNumber(n, "count")}${verb} ${v}`;
  });
  return parts.length === 0 ? "none" : list2(parts);
}
function ledgerText(claims, what, options = {}) {
  const counts = countClaims(claims);
  if (what === "counts") return countsText(counts, options);
  if (what === "total") return formatNumber(counts.total, "count");
  return formatNumber(counts[what], "count");
}
var OPEN = "\uE000";
var CLOSE = "\uE001";
function ledgerMarker(key, what, options) {
  return `${OPEN}ledger:${key}:${what}:${options.verb === true ? 1 : 0}${CLOSE}`;
}

// src/api/markdown-text.ts
function markdownText(text, inHtml = false) {
  const escape = (chars) => chars.replace(/./g, (char) => inHtml ? `&#${char.charCodeAt(0)};` : `\\${char}`);
  return visibleControls(text.replace(/\r?\n|\r/g, " ")).replace(inHtml ? /[\\`*_[\]<>&#!|~$"']/g : new RegExp("[\\\\`*_[\\]<>&#!|~$\"]|(?<!\\p{L})'|'(?!\\p{L})", "gu"), escape).replace(/-{2,}|\.{2,}|,{2,}|\?{2,}|\+(?=-)|\((?=(?:c|r|tm|p)\))/gi, escape).replace(/^(\s*)([-+=])/, (_match, space, marker) => `${space}${escape(marker)}`).replace(/^(\s*\d+)([.)])/, (_match, digits, marker) => `${digits}${escape(marker)}`).replace(/^[ \t]+/, (space) => "&#32;".repeat(space.length));
}
function insideHtml(before) {
  const block = before.slice(lastBlankLineEnd(before));
  if (/(?:^|\n) {0,3}<[A-Za-z/!?]/.test(block)) return true;
  const line = block.slice(block.lastIndexOf("\n") + 1);
  return /<[A-Za-z][^<>]*$/.test(line);
}
function lastBlankLineEnd(text) {
  const blank = /\n[ \t]*\n/g;
  let end = 0;
  for (let match = blank.exec(text); match !== null; match = blank.exec(text)) {
    end = match.index + match[0].length;
    blank.lastIndex = match.index + 1;
  }
  return end;
}

// src/vocabulary/shown-values.ts
var SHOWN = /* @__PURE__ */ Symbol.for("fragtax.shown");

// src/vocabulary/placeholders.ts
var PLACEHOLDER_FIELD = "fragtaxPlaceholder";
function aboutPlaceholder(error, index) {
  if (typeof error !== "object" || error === null || PLACEHOLDER_FIELD in error) return error;
  try {
    Object.defineProperty(error, PLACEHOLDER_FIELD, { value: index });
  } catch {
  }
  return error;
}

// src/api/session.ts
function createSession(host, context) {
  const display = displayOf(host);
  const claims = [];
  return {
    assumptions: context.assumptions,
    montecarlo: { samples: context.montecarlo.samples, seed: context.montecarlo.seed },
    figure(input) {
      const figure = checkedFigure(input);
      context.recordFigure(figure);
      display.html(figureHtml(figure));
      return shownAs({ ...figure }, `figure ${figure.id}: ${formatFigure(figure)}`, () => formatFigure(figure));
    },
    claim(input) {
      const checked = checkedClaim(input);
      const { drivers, ...fields } = checked;
      const basis = drivers === void 0 || drivers.length === 0 ? void 0 : claimBasis(drivers, (id) => context.assumptions.get(id));
      const claim = { ...fields, ...basis === void 0 ? {} : { basis } };
      claims.push(claim);
      context.recordClaim(claim);
      display.html(claimHtml(claim));
      return shownAs({ ...claim }, `claim ${claim.id}: ${claim.verdict}`);
    },
    chart(spec) {
      display.raw(VEGA_LITE_MIME, spec);
    },
    md(strings, ...values) {
      display.markdown(interpolateMarkdown(strings, values).source);
    },
    mdFragment: (strings, ...values) => interpolateMarkdown(strings, values),
    fmt: formatAny,
    words: createWords(() => claims, context.ledgerKey)
  };
}
function shownAs(record, line, toString) {
  const hidden = (value) => ({ value, enumerable: false });
  return Object.defineProperties(record, {
    [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]: hidden(() => line),
    [/* @__PURE__ */ Symbol.for("Deno.customInspect")]: hidden(() => line),
    [SHOWN]: hidden(true),
    ...toString === void 0 ? {} : { toString: hidden(toString) }
  });
}
function checkedFigure(input) {
  const raw = input;
  const id = typeof raw.id === "string" ? raw.id : "?";
  const call = `nb.figure("${id}")`;
  checkId(call, "id", raw.id);
  const label = checkText(call, "label", raw.label);
  const format = checkFormat(call, raw.format);
  const unit = checkUnit(call, raw.unit);
  const hasValue = raw.value !== void 0;
  if (hasValue === (raw.summary !== void 0)) throw new Error(figureNeedsOneValue(id));
  const alternatives = input.alternatives?.map((alternative, index) => checkedAlternative(input.id, alternative, index));
  const extra = alternatives === void 0 ? {} : { alternatives, ...input.alternativesWhere === void 0 ? {} : { alternativesWhere: input.alternativesWhere } };
  return hasValue ? { id, label, unit, format, value: checkNumber(call, "value", raw.value), ...extra } : { id, label, unit, format, summary: checkSummary(call, "summary", raw.summary), ...extra };
}
function checkedClaim(input) {
  const raw = input;
  const id = typeof raw.id === "string" ? raw.id : "?";
  const call = `nb.claim("${id}")`;
  checkId(call, "id", raw.id);
  checkText(call, "claim", raw.claim);
  const format = checkFormat(call, raw.format);
  checkUnit(call, raw.unit);
  const verdict = checkVerdict(call, raw.verdict);
  checkOptionalText(call, "note", raw.note);
  checkDrivers(call, raw.drivers);
  checkRange(call, "stated", raw.stated);
  const computed = checkRange(call, "computed", raw.computed);
  const p50 = raw.computed.p50;
  if (p50 !== void 0) {
    const median = checkNumber(call, "computed.p50", p50);
    if (median < computed.low || median > computed.high) throw new Error(apiMedianOutside(call, "computed", median, computed.low, computed.high));
  }
  const unknown = verdict === "unverifiable" || input.factor === null || Number.isNaN(input.factor);
  return { ...input, format, factor: unknown ? null : checkNumber(call, "factor", input.factor) };
}
function checkedAlternative(figureId, alternative, index) {
  const { id, label, value, summary } = alternative;
  checkId(`nb.figure("${figureId}")`, `alternatives[${index}].id`, id);
  const numbers = summary !== void 0 ? [summary.p5, summary.p50, summary.p95] : [value ?? Number.NaN];
  if (value === void 0 === (summary === void 0) || !numbers.every((n) => typeof n === "number" && Number.isFinite(n))) {
    throw new Error(alternativeNeedsOneValue(figureId, id));
  }
  if (summary !== void 0) {
    const call = `nb.figure("${figureId}")`;
    if (summary.p5 > summary.p50) throw new Error(apiSummaryDisordered(call, `alternatives.${id}.summary`, "p5", summary.p5, "p50", summary.p50));
    if (summary.p50 > summary.p95) throw new Error(apiSummaryDisordered(call, `alternatives.${id}.summary`, "p50", summary.p50, "p95", summary.p95));
  }
  return summary !== void 0 ? { id, label, p50: summary.p50, p5: summary.p5, p95: summary.p95 } : { id, label, p50: value ?? Number.NaN };
}
function formatAny(x, format) {
  const chosen = format === void 0 ? void 0 : checkFormat("nb.fmt", format);
  if (typeof x === "number") return formatNumber(checkNumber("nb.fmt", "value", x), chosen ?? "number");
  if (isFigure(x)) return chosen === void 0 ? formatFigure(x) : formatFigure({ ...x, format: chosen });
  if (isRange(x)) {
    const { low, high } = checkRange("nb.fmt", "value", x);
    return formatInterval(low, high, chosen ?? "number");
  }
  return formatSummary(checkSummary("nb.fmt", "value", x), chosen ?? "number");
}
var MARKDOWN_BRAND = /* @__PURE__ */ Symbol.for("fragtax.markdown-fragment");
var MarkdownFragment = class {
  constructor(source) {
    this.source = source;
  }
  source;
  /** A brand rather than `instanceof`: a fragment may come from another copy of this module (dist/api.js vs src). */
  [MARKDOWN_BRAND] = true;
  toString() {
    return this.source;
  }
};
function interpolateMarkdown(strings, values) {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    try {
      out += markdownValue(value, index, insideHtml(out)) + (strings[index + 1] ?? "");
    } catch (error) {
      throw aboutPlaceholder(error, index);
    }
  });
  return new MarkdownFragment(out);
}
function markdownValue(value, index, inHtml) {
  if (isMarkdownFragment(value)) return value.source;
  if (Array.isArray(value)) return value.map((item) => markdownValue(item, index, inHtml)).join("\n");
  if (typeof value === "string") {
    if (value.includes("[object Object]")) throw new Error(mdObjectAsText(index));
    return markdownText(value, inHtml);
  }
  if (typeof value === "number") return markdownText(formatNumber(checkNumber("nb.md", `value #${index + 1}`, value), "number"), inHtml);
  if (isFigure(value)) return markdownText(formatFigure(value), inHtml);
  if (isSummary(value)) return markdownText(formatSummary(checkSummary("nb.md", `value #${index + 1}`, value), "number"), inHtml);
  throw new Error(mdCannotInterpolate(index, value === void 0 ? "undefined" : value === null ? "null" : `a ${typeof value}`));
}
function isMarkdownFragment(value) {
  return typeof value === "object" && value !== null && value[MARKDOWN_BRAND] === true && typeof value.source === "string";
}
function isFigure(value) {
  return typeof value === "object" && value !== null && "id" in value && "format" in value && "label" in value;
}
function isRange(value) {
  return typeof value === "object" && value !== null && !isSummary(value) && ["low", "high"].every((key) => typeof value[key] === "number");
}
function isSummary(value) {
  return typeof value === "object" && value !== null && ["p5", "p50", "p95"].every((key) => typeof value[key] === "number");
}

// src/api/index.ts
function notebook(host, options = {}) {
  const context = runContextOf(host) ?? jupyterContext(options.cwd ?? process.cwd(), options.loadAssumptions ?? loadAssumptionsForJupyter);
  return createSession(host, context);
}
export {
  JUDGEMENT_LED_THRESHOLD,
  VEGA_LITE_MIME,
  claimBasis,
  formatFigure,
  formatFigureValue,
  formatInterval,
  formatNumber,
  formatSummary,
  notebook
};
//# sourceMappingURL=api.js.map

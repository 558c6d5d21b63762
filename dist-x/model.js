// src/messages/model.ts
var list = (items) => items.map((item) => `"${item}"`).join(", ");
var probabilitiesDoNotSumToOne = (names, probabilities, sum) => {
  const parts = names.map((name, index) => `${name} ${probabilities[index]}`).join(" + ");
  return `scenario probabilities must sum to 1, but ${parts} = ${Number(sum.toPrecision(12))}`;
};
var probabilityOutOfRange = (name, probability) => `scenario "${name}" has probability ${probability}; a probability must lie between 0 and 1`;
var noScenarios = () => "a scenario mixture needs at least one scenario";
var duplicateScenario = (name) => `scenario "${name}" is listed twice`;
var ambiguousOutput = (outputs) => `the model returns several outputs (${list(outputs)}); name the one to analyse with { output }`;
var unknownOutput = (output, outputs) => `the model has no output "${output}"; it returns ${list(outputs)}`;
var badSampleCount = (samples) => `Monte Carlo samples must be a positive integer, got ${samples}`;
var rangeReversed = (what, low, high) => `${what}: low ${low} is above high ${high}`;
var nonNumericOutput = (output, value) => `model output "${output}" is not a number (got ${typeof value})`;
var correlationsNotPositiveSemiDefinite = (names) => `rank correlations among ${names.join(", ")} are not positive semi-definite`;
var scoreMatrixSingular = () => "score matrix is singular; use more samples";

// src/model/distributions.ts
var Z95 = 1.6448536269514722;
function normalFrom90(low, high) {
  const mu = (low + high) / 2;
  const sigma = (high - low) / (2 * Z95);
  return {
    kind: "normal",
    mean: mu,
    median: mu,
    quantile: (p) => mu + sigma * normalQuantile(p),
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = mu + sigma * normalQuantile(values[i]);
      return values;
    }
  };
}
function lognormalFrom90(low, high) {
  const mu = (Math.log(low) + Math.log(high)) / 2;
  const sigma = (Math.log(high) - Math.log(low)) / (2 * Z95);
  return {
    kind: "lognormal",
    mean: Math.exp(mu + sigma * sigma / 2),
    median: Math.exp(mu),
    quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = Math.exp(mu + sigma * normalQuantile(values[i]));
      return values;
    }
  };
}
function uniformBetween(low, high) {
  const width = high - low;
  return {
    kind: "uniform",
    mean: low + width / 2,
    median: low + width / 2,
    quantile: (p) => low + width * p,
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = low + width * values[i];
      return values;
    }
  };
}
function triangular(low, mode, high) {
  const width = high - low;
  const modeCdf = width === 0 ? 0.5 : (mode - low) / width;
  const quantile2 = (p) => p < modeCdf ? low + Math.sqrt(p * width * (mode - low)) : high - Math.sqrt((1 - p) * width * (high - mode));
  return {
    kind: "triangular",
    mean: (low + mode + high) / 3,
    median: quantile2(0.5),
    quantile: quantile2,
    transform(values) {
      for (let i = 0; i < values.length; i++) values[i] = quantile2(values[i]);
      return values;
    }
  };
}
function fixed(value) {
  return {
    kind: "fixed",
    mean: value,
    median: value,
    quantile: () => value,
    transform: (values) => values.fill(value)
  };
}
function distributionOf(a) {
  if (a.range === void 0) return fixed(a.value ?? Number.NaN);
  const { low, high } = a.range;
  switch (a.distribution) {
    case "lognormal":
      return lognormalFrom90(low, high);
    case "normal":
      return normalFrom90(low, high);
    case "uniform":
      return uniformBetween(low, high);
    case "triangular":
      return triangular(low, a.mode ?? (low + high) / 2, high);
    case "fixed":
      return fixed((low + high) / 2);
  }
}
function median(a) {
  return distributionOf(a).median;
}
function quantile(a, p) {
  return distributionOf(a).quantile(p);
}
function sampler(a) {
  const distribution = distributionOf(a);
  return {
    distribution,
    draw: (stream) => distribution.quantile(stream.next()),
    fill: (stream, out) => distribution.transform(stream.fill(out))
  };
}
var A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
var B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
var C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
var D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
var [a0, a1, a2, a3, a4, a5] = A;
var [b0, b1, b2, b3, b4] = B;
var [c0, c1, c2, c3, c4, c5] = C;
var [d0, d1, d2, d3] = D;
var P_LOW = 0.02425;
function normalQuantile(p) {
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}
function tail(q) {
  return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
}

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
function invertLower(lower) {
  const n = lower.length;
  const inverse = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let col = 0; col < n; col++) {
    for (let i = col; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k++) sum -= lower[i][k] * inverse[k][col];
      inverse[i][col] = sum / lower[i][i];
    }
  }
  return inverse;
}
function multiply(a, b) {
  const inner = b.length;
  const cols = b[0]?.length ?? 0;
  return a.map((row) => Array.from({ length: cols }, (_, j) => {
    let sum = 0;
    for (let k = 0; k < inner; k++) sum += row[k] * b[k][j];
    return sum;
  }));
}

// src/model/random.ts
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

// src/model/defaults.ts
var DEFAULT_SEED = 20260428;
var DEFAULT_SAMPLES = 1e4;
var DEFAULT_MONTE_CARLO = { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED };

// src/model/random.ts
var HALF_STEP = 2 ** -54;
function uniformStream(seed = DEFAULT_SEED, key = "") {
  const rng = xoroshiro128plus(streamSeed(seed, key));
  return {
    next: () => uniformFloat64(rng) + HALF_STEP,
    fill(out) {
      for (let i = 0; i < out.length; i++) out[i] = uniformFloat64(rng) + HALF_STEP;
      return out;
    }
  };
}
function streamSeed(seed, key) {
  let hash = 2166136261 ^ (seed | 0);
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 2246822507);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 3266489909);
  hash ^= hash >>> 16;
  return hash | 0;
}

// src/model/order.ts
function sortedCopy(values) {
  return Float64Array.from(values).sort();
}
function hasNaN(values) {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}
function stableRanks(values) {
  const order = ascendingOrder(values);
  const ranks2 = new Uint32Array(values.length);
  for (let position = 0; position < order.length; position++) ranks2[order[position]] = position;
  return ranks2;
}
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var LOW = LITTLE_ENDIAN ? 0 : 1;
var HIGH = 1 - LOW;
function ascendingOrder(values) {
  const n = values.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n)));
  if (indexBits > 31) throw new RangeError(`cannot order ${n} values: at most 2^31`);
  const indexMask = (1 << indexBits) - 1;
  const keys = new BigUint64Array(n);
  const halves = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    const high = keyHalves(values[i]);
    halves[2 * i + LOW] = KEY[LOW] & ~indexMask | i;
    halves[2 * i + HIGH] = high;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let position = 0; position < n; position++) order[position] = halves[2 * position + LOW] & indexMask;
  for (let start = 0; start < n; ) {
    const high = halves[2 * start + HIGH];
    const low = halves[2 * start + LOW] & ~indexMask;
    let end = start + 1;
    while (end < n && halves[2 * end + HIGH] === high && (halves[2 * end + LOW] & ~indexMask) === low) end++;
    if (end - start > SHORT_RUN) sortRun(values, order, start, end, indexMask);
    else insertionSortRun(values, order, start, end);
    start = end;
  }
  return order;
}
var SHORT_RUN = 16;
var KEY_DOUBLE = new Float64Array(1);
var KEY = new Uint32Array(KEY_DOUBLE.buffer);
function keyHalves(value) {
  KEY_DOUBLE[0] = value === 0 ? 0 : value;
  if (KEY[HIGH] & 2147483648) {
    KEY[HIGH] = ~KEY[HIGH];
    KEY[LOW] = ~KEY[LOW];
  } else {
    KEY[HIGH] = KEY[HIGH] | 2147483648;
  }
  return KEY[HIGH];
}
function insertionSortRun(values, order, start, end) {
  for (let k = start + 1; k < end; k++) {
    const index = order[k];
    const value = values[index];
    let at = k;
    for (; at > start && values[order[at - 1]] > value; at--) order[at] = order[at - 1];
    order[at] = index;
  }
}
function sortRun(values, order, start, end, indexMask) {
  const keys = new BigUint64Array(end - start);
  const halves = new Uint32Array(keys.buffer);
  for (let k = start; k < end; k++) {
    const index = order[k];
    keyHalves(values[index]);
    halves[2 * (k - start) + HIGH] = KEY[LOW] & indexMask;
    halves[2 * (k - start) + LOW] = index;
  }
  keys.sort();
  for (let k = start; k < end; k++) order[k] = halves[2 * (k - start) + LOW];
}

// src/model/correlation.ts
function imposeRankCorrelation(columns, targets, seed) {
  const result = { ...columns };
  const names = [...new Set(targets.flatMap((t) => [t.a, t.b]))];
  if (names.length < 2) return result;
  const n = columns[names[0]].length;
  const target = correlationMatrix(names, targets, (rho) => 2 * Math.sin(Math.PI * rho / 6));
  const p = cholesky(target).ok ? cholesky(target) : cholesky(correlationMatrix(names, targets, (rho) => rho));
  if (!p.ok) throw new RangeError(correlationsNotPositiveSemiDefinite(names));
  const scores = names.map((name) => permutedScores(n, seed, name));
  const q = cholesky(sampleCorrelation(scores));
  if (!q.ok) throw new RangeError(scoreMatrixSingular());
  const transform = multiply(p.lower, invertLower(q.lower));
  const mixed = names.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < names.length; r++) {
      let sum = 0;
      const row = transform[r];
      for (let c = 0; c < names.length; c++) sum += row[c] * scores[c][i];
      mixed[r][i] = sum;
    }
  }
  names.forEach((name, r) => {
    result[name] = reorderLike(columns[name], mixed[r]);
  });
  return result;
}
function correlationMatrix(names, targets, map) {
  const matrix = names.map((_, i) => names.map((__, j) => i === j ? 1 : 0));
  for (const { a, b, rho } of targets) {
    const [i, j] = [names.indexOf(a), names.indexOf(b)];
    matrix[i][j] = map(rho);
    matrix[j][i] = map(rho);
  }
  return matrix;
}
function permutedScores(n, seed, name) {
  const scores = scoresInOrder(n).slice();
  const stream = uniformStream(seed, `iman-conover:${name}`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    const swap = scores[i];
    scores[i] = scores[j];
    scores[j] = swap;
  }
  return scores;
}
var SCORES_IN_ORDER = /* @__PURE__ */ new Map();
function scoresInOrder(n) {
  let scores = SCORES_IN_ORDER.get(n);
  if (scores === void 0) {
    scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
    if (SCORES_IN_ORDER.size >= 8) SCORES_IN_ORDER.clear();
    SCORES_IN_ORDER.set(n, scores);
  }
  return scores;
}
function sampleCorrelation(columns) {
  const dot = (x, y) => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += x[i] * y[i];
    return sum;
  };
  const norms = columns.map((c) => Math.sqrt(dot(c, c)));
  return columns.map((x, i) => columns.map((y, j) => i === j ? 1 : dot(x, y) / (norms[i] * norms[j])));
}
function reorderLike(values, order) {
  const sorted = sortedCopy(values);
  const rank = stableRanks(order);
  const out = new Float64Array(values.length);
  for (let i = 0; i < out.length; i++) out[i] = sorted[rank[i]];
  return out;
}

// src/model/summary.ts
var PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
function summarize(samples) {
  const work = scratchCopy(samples);
  let sum = 0;
  for (let i = 0; i < work.length; i++) sum += work[i];
  if (work.length === 0 || Number.isNaN(sum)) return { mean: Number.NaN, p5: Number.NaN, p25: Number.NaN, p50: Number.NaN, p75: Number.NaN, p95: Number.NaN };
  const [p5, p25, p50, p75, p95] = percentilesOfSorted(work.sort(), PERCENTILES);
  return { mean: sum / work.length, p5, p25, p50, p75, p95 };
}
var scratch = new Float64Array(0);
function scratchCopy(samples) {
  if (scratch.length < samples.length) scratch = new Float64Array(samples.length);
  const work = scratch.subarray(0, samples.length);
  work.set(samples);
  return work;
}
function percentilesOfSorted(sorted, ps) {
  const last = sorted.length - 1;
  return ps.map((p) => {
    const h = last * p;
    const below = Math.floor(h);
    const lower = sorted[below];
    if (below === last || h === below) return lower;
    const upper = sorted[below + 1];
    return lower + (h - below) * (upper - lower);
  });
}

// src/model/draw-memo.ts
var BUDGET = 4e6;
var ColumnMemo = class {
  kept = /* @__PURE__ */ new Map();
  size = 0;
  /**
   * A copy of the value kept for `key`, else of what `make` gives (then kept, uncopied: `make` hands it
   * over, and may build it from other memos' own values, which only memos hold).
   */
  get(key, make) {
    return copy(this.own(key, make));
  }
  /**
   * The memo's own value for `key` (made and kept on a miss): for code that reads it and hands out no
   * part of it, such as another memo's `make`. Past the budget it is not kept, but still not the caller's.
   */
  own(key, make) {
    const kept = this.kept.get(key);
    if (kept !== void 0) return kept;
    const made = make();
    const size = doubles(made);
    if (size <= BUDGET) {
      if (this.size + size > BUDGET) this.clear();
      this.kept.set(key, made);
      this.size += size;
    }
    return made;
  }
  clear() {
    this.kept.clear();
    this.size = 0;
  }
};
function copy(value) {
  if (value instanceof Float64Array) return value.slice();
  const out = {};
  for (const [name, column] of Object.entries(value)) out[name] = column.slice();
  return out;
}
function doubles(value) {
  if (value instanceof Float64Array) return value.length;
  let n = 0;
  for (const column of Object.values(value)) n += column.length;
  return n;
}
function runKey(inputs, samples, seed) {
  return `${samples}|${seed}|${Object.keys(inputs).map((name) => `${JSON.stringify(name)}=${drawKey(inputs[name])}`).join(";")}`;
}
function drawKey(spec) {
  if (typeof spec === "number") return `=${num(spec)}`;
  if (typeof spec !== "object" || spec === null) return `?${typeof spec}:${String(spec)}`;
  const correlations = (spec.correlations ?? []).map((c) => `${JSON.stringify(c.with)}:${num(c.rho)}`).join(",");
  return [JSON.stringify(spec.id), spec.distribution, num(spec.range?.low), num(spec.range?.high), num(spec.value), num(spec.mode), correlations].join("|");
}
function num(x) {
  if (x === void 0) return "-";
  if (typeof x !== "number") return `${typeof x}:${JSON.stringify(x) ?? String(x)}`;
  return Object.is(x, -0) ? "-0" : String(x);
}

// src/model/montecarlo.ts
function monteCarlo(model, inputs, options = {}) {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(badSampleCount(samples));
  const columns = drawColumns(inputs, samples, seed);
  const outputs = evaluate(model, columns, samples);
  const summaries = Object.fromEntries(
    Object.entries(outputs).map(([name, values]) => [name, { ...summarize(values), samples: values }])
  );
  return { samples, seed, inputs: columns, outputs: summaries };
}
var COLUMNS = new ColumnMemo();
var RUNS = new ColumnMemo();
function drawColumns(inputs, samples, seed) {
  return RUNS.get(runKey(inputs, samples, seed), () => {
    const columns = {};
    for (const name of Object.keys(inputs)) {
      const spec = inputs[name];
      columns[name] = COLUMNS.own(`${samples}|${seed}|${drawKey(spec)}`, () => {
        const column = new Float64Array(samples);
        return typeof spec === "number" ? column.fill(spec) : sampler(spec).fill(uniformStream(seed, spec.id), column);
      });
    }
    const targets = correlationTargets(inputs);
    return targets.length === 0 ? columns : imposeRankCorrelation(columns, targets, seed);
  });
}
function correlationTargets(inputs) {
  const nameOf = /* @__PURE__ */ new Map();
  for (const name of Object.keys(inputs)) {
    const spec = inputs[name];
    if (typeof spec !== "number" && spec.distribution !== "fixed" && !nameOf.has(spec.id)) nameOf.set(spec.id, name);
  }
  const targets = [];
  for (const [id, name] of nameOf) {
    for (const c of inputs[name].correlations ?? []) {
      const other = nameOf.get(c.with);
      if (other !== void 0 && id < c.with) targets.push({ a: name, b: other, rho: c.rho });
    }
  }
  return targets;
}
function evaluate(model, columns, samples) {
  let row = 0;
  const view = {};
  for (const name of Object.keys(columns)) {
    const column = columns[name];
    Object.defineProperty(view, name, { enumerable: true, get: () => column[row] });
  }
  Object.freeze(view);
  const fill = (i) => {
    row = i;
    return view;
  };
  const first = model(fill(0));
  if (typeof first === "number") {
    const out = new Float64Array(samples);
    for (let i = 0; i < samples; i++) out[i] = model(fill(i));
    return { value: out };
  }
  const firstRecord = first;
  const outNames = Object.keys(firstRecord);
  for (const name of outNames) {
    if (typeof firstRecord[name] !== "number") throw new TypeError(nonNumericOutput(name, firstRecord[name]));
  }
  const outs = outNames.map(() => new Float64Array(samples));
  for (let i = 0; i < samples; i++) {
    const result = model(fill(i));
    for (let j = 0; j < outNames.length; j++) outs[j][i] = result[outNames[j]];
  }
  return Object.fromEntries(outNames.map((name, j) => [name, outs[j]]));
}
function medians(inputs) {
  const values = {};
  for (const name of Object.keys(inputs)) {
    const spec = inputs[name];
    values[name] = typeof spec === "number" ? spec : distributionOf(spec).median;
  }
  return values;
}
function inputsFrom(reader, ids) {
  const inputs = {};
  for (const name of Object.keys(ids)) inputs[name] = reader.get(ids[name]);
  return inputs;
}

// src/model/sensitivity.ts
function tornado(model, inputs, options = {}) {
  const { lowP = 0.05, highP = 0.95 } = options;
  const center = medians(inputs);
  const run = (values) => pickOutput(model(values), options.output);
  const rows = [];
  for (const input of Object.keys(inputs)) {
    const spec = inputs[input];
    if (typeof spec === "number" || spec.distribution === "fixed") continue;
    const distribution = distributionOf(spec);
    const inputLow = distribution.quantile(lowP);
    const inputHigh = distribution.quantile(highP);
    const outputAtLow = run({ ...center, [input]: inputLow });
    const outputAtHigh = run({ ...center, [input]: inputHigh });
    rows.push({ input, inputLow, inputHigh, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) });
  }
  rows.sort((a, b) => b.swing - a.swing);
  return { base: run(center), rows };
}
function rankCorrelation(result, options = {}) {
  const outputs = result.outputs;
  const output = outputs[chooseOutputName(Object.keys(outputs), options.output)];
  if (output === void 0) return [];
  const outputRanks = ranks(output.samples);
  return Object.keys(result.inputs).filter((input) => !isConstant(result.inputs[input])).map((input) => ({ input, rho: pearson(ranks(result.inputs[input]), outputRanks) })).sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho));
}
function spearman(x, y) {
  return pearson(ranks(x), ranks(y));
}
function ranks(values) {
  const result = new Float64Array(values.length);
  if (hasNaN(values)) return result.fill(Number.NaN);
  const order = ascendingOrder(values);
  for (let start = 0; start < order.length; ) {
    const value = values[order[start]];
    let end = start + 1;
    while (end < order.length && values[order[end]] === value) end++;
    const rank = (start + end + 1) / 2;
    for (let position = start; position < end; position++) result[order[position]] = rank;
    start = end;
  }
  return result;
}
function pearson(x, y) {
  const n = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i];
    meanY += y[i];
  }
  meanX /= n;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}
function isConstant(values) {
  return values.every((value) => value === values[0]);
}
function pickOutput(result, output) {
  if (typeof result === "number") return result;
  const record = result;
  return record[chooseOutputName(Object.keys(record), output)];
}
function chooseOutputName(names, output) {
  if (output !== void 0) {
    if (!names.includes(output)) throw new Error(unknownOutput(output, names));
    return output;
  }
  if (names.length !== 1) throw new Error(ambiguousOutput(names));
  return names[0];
}

// src/model/drivers.ts
function driversOf(evaluate2, assumptions, output) {
  const rows = tornado(evaluate2, assumptions, { output }).rows;
  const total = rows.reduce((sum, row) => sum + row.swing ** 2, 0);
  if (total === 0) return [];
  const byId = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const id = assumptions[row.input].id;
    byId.set(id, (byId.get(id) ?? 0) + row.swing ** 2 / total);
  }
  return [...byId].map(([id, share]) => ({ id, share })).sort((a, b) => b.share - a.share || (a.id < b.id ? -1 : 1));
}

// src/model/scenarios.ts
var PROBABILITY_TOLERANCE = 1e-9;
var ScenarioError = class extends Error {
  name = "ScenarioError";
};
function checkProbabilities(scenarios) {
  if (scenarios.length === 0) throw new ScenarioError(noScenarios());
  const seen = /* @__PURE__ */ new Set();
  for (const { name, probability } of scenarios) {
    if (seen.has(name)) throw new ScenarioError(duplicateScenario(name));
    seen.add(name);
    if (!(probability >= 0 && probability <= 1)) throw new ScenarioError(probabilityOutOfRange(name, probability));
  }
  const sum = scenarios.reduce((total, s) => total + s.probability, 0);
  if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
    throw new ScenarioError(probabilitiesDoNotSumToOne(scenarios.map((s) => s.name), scenarios.map((s) => s.probability), sum));
  }
}
var distinctNames = /* @__PURE__ */ new WeakSet();
function mixtureExpected(names, probabilities, values) {
  let total = 0;
  let expected = 0;
  let inRange = names.length > 0 && probabilities.length === names.length && values.length === names.length;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (!(p >= 0 && p <= 1)) inRange = false;
    total += p;
    expected += p * values[i];
  }
  if (!distinctNames.has(names) && new Set(names).size === names.length) distinctNames.add(names);
  if (!inRange || !distinctNames.has(names) || Math.abs(total - 1) > PROBABILITY_TOLERANCE) {
    checkProbabilities(names.map((name, i) => ({ name, probability: probabilities[i] })));
  }
  return expected;
}
function scenarioMixture(outcomes) {
  checkProbabilities(outcomes);
  const expected = outcomes.reduce((sum, s) => sum + s.probability * s.value, 0);
  return {
    expected,
    scenarios: outcomes.map((s) => {
      const rest = 1 - s.probability;
      const othersMean = rest === 0 ? s.value : (expected - s.probability * s.value) / rest;
      return { ...s, contribution: s.probability * s.value, perPercentagePoint: (s.value - othersMean) * 0.01 };
    })
  };
}

// src/model/claims.ts
function checkClaim(stated, computed, options = {}) {
  const tolerance = options.tolerance ?? 0;
  const atOrBelow = (a, b) => a <= b || a - b <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  const bounds = [stated.low, stated.high, computed.low, computed.high];
  if (!bounds.every(Number.isFinite)) return { verdict: "unverifiable", factor: null };
  if (stated.low > stated.high) throw new RangeError(rangeReversed("stated range", stated.low, stated.high));
  if (computed.low > computed.high) throw new RangeError(rangeReversed("computed range", computed.low, computed.high));
  if (atOrBelow(stated.low, computed.high) && atOrBelow(computed.low, stated.high)) return { verdict: "consistent", factor: 1 };
  const geometric = bounds.every((bound) => bound > 0);
  const factor = midpoint(stated, geometric) / midpoint(computed, geometric);
  return { verdict: stated.low > computed.high ? "overstated" : "understated", factor };
}
function midpoint(range, geometric) {
  return geometric ? Math.sqrt(range.low * range.high) : (range.low + range.high) / 2;
}
function computedRange(summary) {
  return { low: summary.p5, high: summary.p95, p50: summary.p50 };
}

// src/vocabulary/kept-runs.ts
var MODEL_RUNS = /* @__PURE__ */ Symbol.for("fragtax.modelRuns");
var SUMMARY_FIELDS = ["mean", "p5", "p25", "p50", "p75", "p95"];

// src/model/lazy.ts
var INSPECT = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");
var pending = /* @__PURE__ */ new WeakMap();
function defineLazy(target, key, make) {
  let made;
  const settle = (value) => {
    made = { value };
    pending.get(target)?.delete(key);
    if (Object.getOwnPropertyDescriptor(target, key)?.configurable === true) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return value;
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => made === void 0 ? settle(make()) : made.value,
    set: (value) => {
      if (Object.isFrozen(target)) throw new TypeError(`Cannot assign to read only property '${String(key)}' of object`);
      settle(value);
    }
  });
  let keys = pending.get(target);
  if (keys === void 0) {
    pending.set(target, keys = /* @__PURE__ */ new Set());
    Object.defineProperty(target, INSPECT, {
      enumerable: false,
      configurable: true,
      value() {
        for (const lazy of [...pending.get(this) ?? []]) void this[lazy];
        return this;
      }
    });
  }
  keys.add(key);
  return target;
}

// src/model/run-memo.ts
var CHECKED_DRAWS = 4;
function keptOrComputed(model, evaluate2, inputs, settings, compute) {
  const store = globalThis[MODEL_RUNS];
  if (store === void 0) return compute();
  const key = runKey(inputs, settings.samples, settings.seed);
  const kept = store.read(model, key, (length) => new Float64Array(length));
  const names = Object.keys(inputs);
  if (kept !== void 0 && fits(kept, names, settings.samples) && stillGives(evaluate2, kept, names, settings.samples)) return adopt(kept, settings, compute);
  let result;
  try {
    result = compute();
  } catch (error) {
    store.abandon?.(model, key);
    throw error;
  }
  store.write(model, key, columnsOf(result));
  return result;
}
function fits(run, names, samples) {
  const distinct = (list2) => new Set(list2).size === list2.length;
  return run.samples === samples && run.inputs.length === names.length && distinct(run.inputs) && names.every((name) => run.inputs.includes(name)) && distinct(run.outputs) && run.outputs.every((out) => run.summaries[out]?.length === SUMMARY_FIELDS.length);
}
function stillGives(evaluate2, run, names, samples) {
  const draws = Array.from({ length: CHECKED_DRAWS }, (_, k) => Math.round(k * (samples - 1) / (CHECKED_DRAWS - 1)));
  const kept = run.valuesAt(draws);
  if (kept === void 0) return false;
  try {
    for (let k = 0; k < draws.length; k++) {
      const row = {};
      for (const name of names) row[name] = kept.inputs[name]?.[k];
      const value = evaluate2(Object.freeze(row));
      const outputs = typeof value === "number" ? { value } : value;
      if (typeof outputs !== "object" || outputs === null || Object.keys(outputs).length !== run.outputs.length) return false;
      for (const name of run.outputs) if (!Object.is(outputs[name], kept.outputs[name]?.[k])) return false;
    }
    return true;
  } catch {
    return false;
  }
}
function columnsOf(result) {
  const outputs = {};
  for (const [name, out] of Object.entries(result.outputs)) {
    outputs[name] = { summary: Float64Array.from(SUMMARY_FIELDS, (field) => out[field]), samples: out.samples };
  }
  return { inputs: result.inputs, outputs };
}
function adopt(kept, settings, compute) {
  let computed;
  const afterAll = () => {
    if (computed === void 0) {
      kept.spoil();
      computed = compute();
    }
    return computed;
  };
  const own = (column) => column?.length === settings.samples ? new Float64Array(column) : void 0;
  const inputs = {};
  for (const name of kept.inputs) defineLazy(inputs, name, () => own(kept.column("input", name)) ?? afterAll().inputs[name]);
  const outputs = {};
  for (const name of kept.outputs) {
    const fields = kept.summaries[name];
    const summary = Object.fromEntries(SUMMARY_FIELDS.map((field, i) => [field, fields[i]]));
    outputs[name] = defineLazy({ ...summary }, "samples", () => own(kept.column("output", name)) ?? afterAll().outputs[name].samples);
  }
  return { samples: settings.samples, seed: settings.seed, inputs, outputs };
}

// src/model/runner.ts
function runModel(model, reader, settings) {
  const assumptions = inputsFrom(reader, model.ids);
  const evaluate2 = model.evaluate;
  const result = keptOrComputed(model, evaluate2, assumptions, settings, () => monteCarlo(evaluate2, assumptions, settings));
  const summary = {};
  const mean = {};
  const samples = {};
  for (const [name, out] of Object.entries(result.outputs)) {
    const { mean: m, p5, p25, p50, p75, p95 } = out;
    summary[name] = { mean: m, p5, p25, p50, p75, p95 };
    mean[name] = m;
    defineLazy(samples, name, () => out.samples);
  }
  const drivers = (output) => driversOf(model.evaluate, assumptions, output);
  let corners;
  const run = {
    summary,
    mean,
    samples,
    inputs: result.inputs,
    assumptions,
    result,
    drivers,
    get corners() {
      return corners ??= cornersOf(model, assumptions);
    }
  };
  Object.defineProperty(run, /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom"), {
    value: (_depth, options, inspect) => inspect({ ...run }, options)
  });
  return run;
}
var MAX_CORNER_INPUTS = 12;
function cornersOf(model, assumptions) {
  const names = Object.keys(assumptions);
  const bounds = names.map((n) => {
    const a = assumptions[n];
    return a.range !== void 0 ? [a.range.low, a.range.high] : [a.value ?? Number.NaN, a.value ?? Number.NaN];
  });
  const varying = bounds.map((b, i) => b[0] !== b[1] ? i : -1).filter((i) => i >= 0).slice(0, MAX_CORNER_INPUTS);
  const bitOf = names.map((_, i) => varying.indexOf(i));
  const corners = {};
  for (let mask = 0; mask < 1 << varying.length; mask++) {
    const x = {};
    for (let i = 0; i < names.length; i++) {
      const bit = bitOf[i];
      x[names[i]] = bounds[i][bit >= 0 && mask & 1 << bit ? 1 : 0];
    }
    for (const [o, v] of Object.entries(model.evaluate(x))) {
      const c = corners[o];
      corners[o] = c === void 0 ? { low: v, high: v } : { low: Math.min(c.low, v), high: Math.max(c.high, v) };
    }
  }
  return corners;
}
function histogramBins(samples, bins) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of samples) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const width = (hi - lo) / bins || 1;
  const counts = new Array(bins).fill(0);
  for (const v of samples) counts[Math.min(bins - 1, Math.floor((v - lo) / width))] += 1;
  return counts.map((count, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, count }));
}
function figureNumbers(s) {
  return s.p5 === s.p95 ? { value: s.p50 } : { summary: s };
}
function intervalOf(a) {
  return a.range ?? { low: a.value ?? Number.NaN, high: a.value ?? Number.NaN };
}

// src/model/variants.ts
function runVariants(variants, reader, settings) {
  return variants.map(({ id, label, model }) => ({ id, label, run: runModel(model, reader, settings) }));
}
function alternativesFor(runs, output) {
  return runs.map(({ id, label, run }) => ({ id, label, summary: run.summary[output] }));
}

// src/model/training.ts
var HOURS_PER_DAY = 24;
var SECONDS_PER_HOUR = 3600;
function trainingRunCost(run) {
  const gpuHours = run.gpus * run.days * HOURS_PER_DAY / (run.goodputFraction ?? 1);
  return { gpuHours, usd: gpuHours * run.usdPerGpuHour };
}
function trainingRunCostUsd(run) {
  return trainingRunCost(run).usd;
}
function trainingRunCostFromFlop(run) {
  const gpuHours = run.totalFlop / (run.peakFlopPerSecondPerGpu * run.mfu) / SECONDS_PER_HOUR;
  return { gpuHours, usd: gpuHours * run.usdPerGpuHour };
}
function flopDelivered(run) {
  return run.gpus * run.days * HOURS_PER_DAY * SECONDS_PER_HOUR * run.peakFlopPerSecondPerGpu * run.mfu;
}
function inputsForStatedCost(run, statedUsd) {
  const factor = statedUsd / trainingRunCostUsd(run);
  return {
    factor,
    gpusNeeded: run.gpus * factor,
    daysNeeded: run.days * factor,
    usdPerGpuHourNeeded: run.usdPerGpuHour * factor,
    goodputFractionNeeded: (run.goodputFraction ?? 1) / factor
  };
}

// src/model/energy.ts
var TOKENS_PER_MILLION = 1e6;
function energyKwh(use) {
  return use.gpuHours * use.kwPerGpu * use.pue;
}
function energyCostUsd(use) {
  return energyKwh(use) * use.usdPerKwh;
}
function inferenceUsdPerMillionTokens(serving) {
  const tokensPerGpuHour = serving.tokensPerSecondPerGpu * SECONDS_PER_HOUR * serving.utilizationFraction;
  return serving.usdPerGpuHour / tokensPerGpuHour * TOKENS_PER_MILLION;
}

// src/model/revenue-share.ts
function revenueSharePayments(terms) {
  const rate = terms.discountRatePerYear ?? 0;
  const years = [];
  let paid = 0;
  let presentValueSaved = 0;
  let capBindsInYear;
  for (const [index, revenueUsd] of terms.revenueUsdByYear.entries()) {
    const uncappedUsd = terms.shareFraction * revenueUsd;
    const cappedUsd = Math.max(0, Math.min(uncappedUsd, terms.capUsd - paid));
    paid += cappedUsd;
    const year = terms.firstYear + index;
    if (cappedUsd < uncappedUsd && capBindsInYear === void 0) capBindsInYear = year;
    presentValueSaved += (uncappedUsd - cappedUsd) / (1 + rate) ** index;
    years.push({ year, revenueUsd, uncappedUsd, cappedUsd, cumulativeCappedUsd: paid });
  }
  return {
    years,
    uncappedTotalUsd: years.reduce((sum, y) => sum + y.uncappedUsd, 0),
    cappedTotalUsd: paid,
    capBindsInYear,
    capValueToPayerUsd: presentValueSaved,
    capValueToRecipientUsd: -presentValueSaved
  };
}
function revenuePath(path) {
  return Array.from({ length: path.years }, (_, t) => path.startUsdPerYear * (1 + path.growthFractionPerYear) ** t);
}

// src/model/credits.ts
function creditValue(grant) {
  const usableUsd = Math.min(grant.creditsUsd, Math.max(0, grant.usableDemandUsd));
  const strandedUsd = grant.creditsUsd - usableUsd;
  const effectiveValueUsd = usableUsd / Math.max(1, grant.priceRatio);
  return {
    usableUsd,
    strandedUsd,
    strandedShare: grant.creditsUsd === 0 ? 0 : strandedUsd / grant.creditsUsd,
    effectiveValueUsd,
    discountToFace: grant.creditsUsd === 0 ? 0 : 1 - effectiveValueUsd / grant.creditsUsd
  };
}

// src/model/fragmentation.ts
function engineeringMultiplier(x) {
  return 1 + x.stackSpecificShare * (x.stacks - 1);
}
function utilizationDilution(x) {
  const headroom = normalQuantile(x.serviceLevel) * x.demandCv;
  return (1 + headroom * Math.sqrt(x.pools)) / (1 + headroom);
}
function pooledUtilization(x) {
  return 1 / (1 + normalQuantile(x.serviceLevel) * x.demandCv * Math.sqrt(x.pools));
}
function sovereigntyUplift(x) {
  return 1 + x.localizedShare * x.duplicationOverhead;
}
function fragmentationMultiplier(x) {
  const engineering = engineeringMultiplier(x);
  const engineeringBlended = 1 + x.engineeringShareOfCost * (engineering - 1);
  const utilization = utilizationDilution(x);
  const sovereignty = sovereigntyUplift(x);
  return { engineering, engineeringBlended, utilization, sovereignty, total: engineeringBlended * utilization * sovereignty };
}
function fragmentationTax(x) {
  return taxOn(x.baselineUsd, fragmentationMultiplier(x).total);
}
function trainingRunFragmentationTax(x) {
  return taxOn(trainingRunCostUsd(x), fragmentationMultiplier(x).total);
}
function taxOn(baselineUsd, totalMultiplier) {
  const fragmentedUsd = baselineUsd * totalMultiplier;
  return { baselineUsd, fragmentedUsd, taxUsd: fragmentedUsd - baselineUsd, totalMultiplier };
}

// src/model/chips.ts
function nreAmortization(program) {
  const chipsPerEcosystem = program.totalChips / program.ecosystems;
  const nreUsdPerChip = program.nreUsd / chipsPerEcosystem;
  return {
    chipsPerEcosystem,
    nreUsdPerChip,
    nreUsdPerChipHour: nreUsdPerChip / (program.lifetimeHours * program.utilizationFraction),
    multiplierVsOneEcosystem: nreUsdPerChip / (program.nreUsd / program.totalChips)
  };
}
function breakEvenChips(design) {
  return design.nreUsd / design.savingUsdPerChip;
}
function ecosystemsSupported(market) {
  return Math.floor(market.totalChips / market.breakEvenChips);
}

// src/model/valuation.ts
function priceToRunRate(valuationUsd, runRateUsdPerYear) {
  return valuationUsd / runRateUsdPerYear;
}
function valuationMultiples(v) {
  return {
    trailing: priceToRunRate(v.valuationUsd, v.trailingRunRateUsdPerYear),
    forward: v.forwardRunRateUsdPerYear === void 0 ? Number.NaN : priceToRunRate(v.valuationUsd, v.forwardRunRateUsdPerYear)
  };
}
export {
  DEFAULT_MONTE_CARLO,
  HOURS_PER_DAY,
  SECONDS_PER_HOUR,
  Z95,
  alternativesFor,
  breakEvenChips,
  checkClaim,
  computedRange,
  creditValue,
  distributionOf,
  driversOf,
  ecosystemsSupported,
  energyCostUsd,
  energyKwh,
  engineeringMultiplier,
  figureNumbers,
  fixed,
  flopDelivered,
  fragmentationMultiplier,
  fragmentationTax,
  histogramBins,
  inferenceUsdPerMillionTokens,
  inputsForStatedCost,
  inputsFrom,
  intervalOf,
  lognormalFrom90,
  median,
  midpoint,
  mixtureExpected,
  monteCarlo,
  normalFrom90,
  normalQuantile,
  nreAmortization,
  pooledUtilization,
  priceToRunRate,
  quantile,
  rankCorrelation,
  revenuePath,
  revenueSharePayments,
  runModel,
  runVariants,
  scenarioMixture,
  sovereigntyUplift,
  spearman,
  summarize,
  tornado,
  trainingRunCost,
  trainingRunCostFromFlop,
  trainingRunCostUsd,
  trainingRunFragmentationTax,
  triangular,
  uniformBetween,
  utilizationDilution,
  valuationMultiples
};
//# sourceMappingURL=model.js.map

const __fragtaxFileUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/messages/location.ts
var at, located;
var init_location = __esm({
  "src/messages/location.ts"() {
    "use strict";
    at = (where) => {
      if (!("line" in where)) return `${where.file}: cell ${where.cell}`;
      if (where.cell === void 0) return `${where.file ?? "?"}:${where.line}:${where.column}`;
      const inCell = `cell ${where.cell}, line ${where.line}, column ${where.column}`;
      return where.file === void 0 ? inCell : `${where.file}: ${inCell}`;
    };
    located = (where, text) => `${at(where)}: ${text}`;
  }
});

// src/util/errors.ts
var EXIT_USAGE, FragtaxError, InputError;
var init_errors = __esm({
  "src/util/errors.ts"() {
    "use strict";
    EXIT_USAGE = 2;
    FragtaxError = class extends Error {
      constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
      }
    };
    InputError = class extends FragtaxError {
      exitCode = EXIT_USAGE;
    };
  }
});

// src/assumptions/errors.ts
var AssumptionError, UNKNOWN_ASSUMPTION, UnknownAssumptionError;
var init_errors2 = __esm({
  "src/assumptions/errors.ts"() {
    "use strict";
    init_location();
    init_errors();
    AssumptionError = class extends InputError {
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
    UNKNOWN_ASSUMPTION = "UnknownAssumptionError";
    UnknownAssumptionError = class extends Error {
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
  }
});

// src/messages/suggestion.ts
var didYouMean;
var init_suggestion = __esm({
  "src/messages/suggestion.ts"() {
    "use strict";
    didYouMean = (nearest) => {
      const names = (typeof nearest === "string" ? [nearest] : nearest ?? []).filter((name) => name !== "");
      return names.length === 0 ? "" : `; did you mean ${names.map((name) => `"${name}"`).join(", ")}?`;
    };
  }
});

// src/messages/assumptions.ts
var list, forId, malformedYaml, assumptionsFileTooLarge, notAnAssumptionsFile, unknownTopLevelKey, unknownField, keyWithoutSpace, missingId, badId, duplicateId, missingSource, missingField, notAFiniteNumber, invalidField, unknownKind, notANumber, rangeAsMapping, rangeOneNumber, unknownDistribution, valueXorRange, valueNeedsFixed, rangeNotFixed, lowAboveHigh, nonPositiveLognormalBound, triangularWithoutMode, modeOutsideRange, modeWithoutTriangular, unknownAssumption, overrideProblem, cannotReadAssumptions, outsideSupport, rangeTailOutsideSupport, supportEmpty, supportTwoLowerBounds, outsideDeclaredSupport, judgementWithoutNote, missingKind, pair, correlationUnknownId, correlationSelf, correlationOutOfRange, correlationFixed, correlationDuplicate, correlationNeedsSource, correlationNeedsNote, correlationsNotPsd, invalidCorrelation, correlationUnknownKind, invalidTotal, totalUnknownId, totalRepeats, totalNeedsValues, totalMismatch, overrideBreaksTotal;
var init_assumptions = __esm({
  "src/messages/assumptions.ts"() {
    "use strict";
    init_suggestion();
    list = (items) => items.map((item) => `"${item}"`).join(", ");
    forId = (id) => id === void 0 ? "" : `assumption "${id}": `;
    malformedYaml = (detail, nearId) => {
      const where = nearId === void 0 ? "" : ` (in or just after assumption "${nearId}")`;
      return `malformed YAML${where}: ${detail}`;
    };
    assumptionsFileTooLarge = (megabytes, limit) => `the file is ${megabytes.toFixed(1)} MB; an assumptions file may be at most ${limit} MB (is it the right file?)`;
    notAnAssumptionsFile = () => `expected a mapping with an "assumptions:" list at the top level`;
    unknownTopLevelKey = (key, known, meant) => meant === void 0 ? `unknown top-level key "${key}"; the file may only contain ${list(known)}` : `unknown top-level key "${key}"${didYouMean(meant)} The file may only contain ${list(known)}`;
    unknownField = (id, key, nearest, known) => `${forId(id)}unknown field "${key}"${didYouMean(nearest)} Known fields: ${list(known)}`;
    keyWithoutSpace = (id, written, entries) => `${forId(id)}"${written}" is read as one key, as a key's colon needs a space after it; write ${entries.join(", ")}`;
    missingId = () => `an assumption has no "id" (snake_case, e.g. h100_usd_per_gpu_hour)`;
    badId = (id) => {
      const odd = [...id].map((c) => c.codePointAt(0) ?? 0).find((code) => code > 126 || code < 32);
      const named = odd === void 0 ? "" : `; it has U+${odd.toString(16).toUpperCase().padStart(4, "0")}, which is not an ASCII letter`;
      return `assumption id "${id}" must be snake_case: lowercase letters, digits and underscores, starting with a letter${named}`;
    };
    duplicateId = (id, firstLine) => `${forId(id)}duplicate id; it is already defined on line ${firstLine}`;
    missingSource = (id) => `${forId(id)}missing "source: { title, url?, date }"; every figure needs a source`;
    missingField = (id, field) => `${forId(id)}missing required field "${field}"`;
    notAFiniteNumber = (input) => typeof input !== "number" || Number.isFinite(input) ? void 0 : Number.isNaN(input) ? "expected a number, got .nan (not a number)" : `expected a number, got one too large to hold (${input > 0 ? "" : "-"}1.8e308 is the largest magnitude; it reads as ${input > 0 ? "" : "-"}infinity)`;
    invalidField = (id, field, detail) => `${forId(id)}invalid "${field}": ${detail}`;
    unknownKind = (id, given, meant, known) => `${forId(id)}unknown kind "${given}"${meant === void 0 ? "; a" : `; did you mean "${meant}"? A`} kind is one of ${list(known)}: the essay's figure, an external publication's, or the analysts' judgement`;
    notANumber = (id, field, given) => `${forId(id)}"${field}" is the text "${given}", not a number: write digits alone (15000, 1.5e4, 0.2 for 20%); the unit is the entry's "unit"`;
    rangeAsMapping = (id, low, high) => `${forId(id)}"range" is a mapping of its two ends: write range: { low: ${low}, high: ${high} } (low the 5th percentile, high the 95th; the low..high form is \`--set\`'s)`;
    rangeOneNumber = (id, given) => `${forId(id)}"range" is a mapping of its two ends (range: { low: \u2026, high: \u2026 }), not one figure: write value: ${given} for a point value, or the two ends of its range`;
    unknownDistribution = (id, given, meant, known) => `${forId(id)}unknown distribution "${given}"${meant === void 0 ? "; use" : `${didYouMean(meant)} Use`} one of ${list(known)}`;
    valueXorRange = (id) => `${forId(id)}give exactly one of "value" (a point) or "range: { low, high }" (a 90% interval)`;
    valueNeedsFixed = (id, distribution) => `${forId(id)}a single "value" cannot have distribution "${distribution}"; give a "range" or use "fixed"`;
    rangeNotFixed = (id) => `${forId(id)}distribution "fixed" takes a "value", not a "range"`;
    lowAboveHigh = (id, low, high) => `${forId(id)}range low ${low} is above high ${high}`;
    nonPositiveLognormalBound = (id, low) => `${forId(id)}a lognormal range needs positive bounds, but low is ${low}; use "normal" for quantities that can be zero or negative`;
    triangularWithoutMode = (id) => `${forId(id)}a triangular distribution needs "mode" (the most likely value)`;
    modeOutsideRange = (id, mode, low, high) => `${forId(id)}mode ${mode} lies outside the range ${low}\u2013${high}`;
    modeWithoutTriangular = (id, distribution) => `${forId(id)}"mode" is only used by "triangular", not "${distribution}"`;
    unknownAssumption = (id, nearest, file) => `unknown assumption "${id}" (not in ${file})${didYouMean(nearest)}`;
    overrideProblem = (file, detail) => `override of ${file}: ${detail}`;
    cannotReadAssumptions = (file, reason) => `cannot read assumptions file ${file}: ${reason}`;
    outsideSupport = (id, value, because, support, declarable = false, max) => `"${id}" is ${because}, so it must be ${support}; ${value} is outside that support` + (max === 1 && value >= 2 && value <= 100 ? ` (it is a fraction here: for ${value}%, write ${Number((value / 100).toPrecision(12))})` : declarable && value < 0 ? ` (if it can be negative, as a change can, declare the entry's own bounds: support: { min: -1, max: 1 })` : "");
    rangeTailOutsideSupport = (id, distribution, low, high, side, support) => `"${id}": read as ${distribution} with p5..p95 = ${low}..${high}, more than 1% of its draws fall ${side} its support (${support}); narrow the range${side === "above" ? " (keep its high well inside the bound)" : " (keep its low well inside the bound)"}`;
    supportEmpty = (id, lower, max) => `"${id}": its support's lower bound ${lower} leaves no value up to its max ${max}; swap them or remove one`;
    supportTwoLowerBounds = (id) => `"${id}": its support gives both min and greaterThan; keep one (min includes the bound, greaterThan excludes it)`;
    outsideDeclaredSupport = (id, value, support) => `"${id}": ${value} is outside the support the entry declares (${support}); change the value, or the support if the model allows more`;
    judgementWithoutNote = (id) => `${forId(id)}kind "judgement" needs a "note" giving the reasoning (why this value or range)`;
    missingKind = (id) => `${forId(id)}missing "kind": say whether the figure is the essay's ("essay"), an external publication's ("source") or the analysts' judgement ("judgement", with the reasoning in "note")`;
    pair = (between) => `[${between.join(", ")}]`;
    correlationUnknownId = (between, id, nearest) => `correlation ${pair(between)}: unknown assumption "${id}"${didYouMean(nearest)}`;
    correlationSelf = (between) => `correlation ${pair(between)}: an assumption cannot be correlated with itself`;
    correlationOutOfRange = (between, rho) => `correlation ${pair(between)}: rho ${rho} is outside \u22121\u20261`;
    correlationFixed = (between, id) => `correlation ${pair(between)}: "${id}" is a fixed value, which cannot be correlated; give it a range or drop the correlation`;
    correlationDuplicate = (between, firstLine) => `correlation ${pair(between)}: this pair is already declared on line ${firstLine}`;
    correlationNeedsSource = (between) => `correlation ${pair(between)}: kind "source" needs "source: { title, url?, date }"`;
    correlationNeedsNote = (between) => `correlation ${pair(between)}: kind "judgement" needs a "note" saying why the two move together`;
    correlationsNotPsd = (entries) => {
      const listed = entries.map((e) => `${pair(e.between)} \u03C1=${e.rho} (line ${e.line})`).join(", ");
      return `these correlations cannot hold together (the matrix is not positive semi-definite): ${listed}; weaken one of them`;
    };
    invalidCorrelation = (index, field, detail) => `correlation ${index + 1}: invalid "${field}": ${detail}`;
    correlationUnknownKind = (index, given, meant, known) => `correlation ${index + 1}: unknown kind "${given}"${meant === void 0 ? "; a" : `${didYouMean(meant)} A`} correlation's kind is one of ${list(known)}: a publication that measured it (with "source"), or the analysts' judgement (with the reasoning in "note")`;
    invalidTotal = (index, field, problem) => `total #${index + 1}: ${field}: ${problem}`;
    totalUnknownId = (of, id, nearest) => `total of ${of.join(" + ")}: unknown assumption "${id}"${didYouMean(nearest)}`;
    totalRepeats = (of, id) => `total of ${of.join(" + ")}: "${id}" is listed twice; name each assumption once`;
    totalNeedsValues = (of, id) => `total of ${of.join(" + ")}: "${id}" is a range; the assumptions of a total must be point values (value:), or their sum is not one number`;
    totalMismatch = (values, sum, equals) => `${values.map((v) => `${v.id} ${v.value}`).join(" + ")} = ${Number(sum.toPrecision(12))}, but they must total ${equals}`;
    overrideBreaksTotal = (problem, others) => `${problem}${others.length === 0 ? "" : `; set ${others.length === 1 ? "the other" : "the others"} too (${others.map((id) => `--set ${id}=\u2026`).join(" ")}) so they do`}`;
  }
});

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
  const [path3, x = Number.NaN] = outside;
  const described = describeSupport(support);
  return [{ path: path3, message: fromDeclared(declared ?? {}) === null ? outsideSupport(fields.id, x, support.because, described, support.guessed === true, support.max) : outsideDeclaredSupport(fields.id, x, described) }];
}
function kindProblems(fields) {
  if (fields.kind === "judgement" && (fields.note ?? "").trim() === "") return [{ path: ["kind"], message: judgementWithoutNote(fields.id) }];
  return [];
}
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
var Z95, Z_TAIL;
var init_rules = __esm({
  "src/assumptions/rules.ts"() {
    "use strict";
    init_assumptions();
    Z95 = 1.6448536269514722;
    Z_TAIL = 2.3263478740408408;
  }
});

// src/util/control.ts
var init_control = __esm({
  "src/util/control.ts"() {
    "use strict";
  }
});

// src/util/hash.ts
function sha256(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest("hex");
}
function sha256Stream() {
  const hash = (0, import_node_crypto.createHash)("sha256");
  return {
    update: (part) => void hash.update(part),
    hex: () => hash.digest("hex")
  };
}
function sha256OfFile(path3) {
  let fd;
  try {
    fd = (0, import_node_fs2.openSync)(path3, import_node_fs2.constants.O_RDONLY | (import_node_fs2.constants.O_NONBLOCK ?? 0));
    if (!(0, import_node_fs2.fstatSync)(fd).isFile()) return void 0;
    const hash = (0, import_node_crypto.createHash)("sha256");
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let read = (0, import_node_fs2.readSync)(fd, chunk); read > 0; read = (0, import_node_fs2.readSync)(fd, chunk)) hash.update(chunk.subarray(0, read));
    return hash.digest("hex");
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) (0, import_node_fs2.closeSync)(fd);
  }
}
function sha256OfListing(path3, tree) {
  const lines = [];
  const visited = /* @__PURE__ */ new Set();
  const list2 = (folder, prefix) => {
    let entries;
    try {
      entries = (0, import_node_fs2.readdirSync)(folder, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      const full = (0, import_node_path.join)(folder, entry.name);
      const link = entry.isSymbolicLink() ? linkTarget(full) : void 0;
      lines.push(JSON.stringify([name, entry.isDirectory() ? "d" : entry.isFile() ? "f" : link !== void 0 ? "l" : "o", ...link === void 0 ? [] : [link]]));
      if (tree && (entry.isDirectory() || link !== void 0 && isFolder(full))) {
        const id = folderId(full);
        if (id !== void 0 && !visited.has(id)) {
          visited.add(id);
          if (!list2(full, name)) lines.push(JSON.stringify([name, "unlisted"]));
        }
      }
    }
    return true;
  };
  const top = folderId(path3);
  if (top !== void 0) visited.add(top);
  return list2(path3, "") ? sha256(lines.sort().join("\n")) : void 0;
}
function linkTarget(path3) {
  try {
    return (0, import_node_fs2.readlinkSync)(path3);
  } catch {
    return "";
  }
}
function folderId(path3) {
  try {
    const { dev, ino } = (0, import_node_fs2.statSync)(path3, { bigint: true });
    return `${dev}:${ino}`;
  } catch {
    return void 0;
  }
}
function isFolder(path3) {
  try {
    return (0, import_node_fs2.statSync)(path3).isDirectory();
  } catch {
    return false;
  }
}
function contentStamp(path3) {
  const hash = sha256OfFile(path3);
  if (hash !== void 0) return hash;
  return isFolder(path3) ? FOLDER_STAMP : "";
}
function envStamp(value) {
  return value === void 0 ? "" : sha256(value);
}
function sha256Bytes(data) {
  return (0, import_node_crypto.createHash)("sha256").update(data).digest();
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
var import_node_crypto, import_node_fs2, import_node_path, FOLDER_STAMP;
var init_hash = __esm({
  "src/util/hash.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    import_node_fs2 = require("node:fs");
    import_node_path = require("node:path");
    init_control();
    FOLDER_STAMP = "folder";
  }
});

// src/assumptions/content.ts
function assumptionContent(assumption) {
  const { position: _position, ...content } = assumption;
  return sortKeys(content);
}
function assumptionInfo(assumption) {
  const { value: _value, range: _range, mode: _mode, distribution: _distribution, ...info } = assumption;
  return info;
}
var init_content = __esm({
  "src/assumptions/content.ts"() {
    "use strict";
    init_hash();
  }
});

// src/assumptions/types.ts
function aboutRead(id) {
  return `${ABOUT}${id}`;
}
var ABOUT, EVERY_ASSUMPTION;
var init_types = __esm({
  "src/assumptions/types.ts"() {
    "use strict";
    ABOUT = "about:";
    EVERY_ASSUMPTION = "*";
  }
});

// src/assumptions/total-check.ts
function totalProblem(total, get) {
  const members = total.of.map((id) => ({ id, assumption: get(id) }));
  const ranged = members.find((m) => m.assumption?.value === void 0);
  if (ranged !== void 0) return totalNeedsValues(total.of, ranged.id);
  const values = members.map((m) => ({ id: m.id, value: m.assumption?.value ?? Number.NaN }));
  const sum = values.reduce((acc, m) => acc + m.value, 0);
  return Math.abs(sum - total.equals) <= TOLERANCE * Math.max(1, Math.abs(total.equals)) ? void 0 : totalMismatch(values, sum, total.equals);
}
var TOLERANCE;
var init_total_check = __esm({
  "src/assumptions/total-check.ts"() {
    "use strict";
    init_assumptions();
    TOLERANCE = 1e-9;
  }
});

// src/util/suggest.ts
function nearestNames(name, known, options = {}) {
  const { count = 3, orClosest = true } = options;
  const word = name.toLowerCase();
  const ranked = known.filter((candidate) => candidate !== name).map((candidate) => ({ candidate, score: typoDistance(word, candidate.toLowerCase()) })).sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1));
  const limit = Math.max(2, Math.ceil(name.length / 3));
  const contains = (candidate) => name.length >= 3 && (candidate.toLowerCase().includes(word) || word.includes(candidate.toLowerCase()));
  const parts = wordsOf(word);
  const sharesWords = (candidate) => parts.length > 1 && parts.every((part) => wordsOf(candidate.toLowerCase()).includes(part));
  const plausible = ranked.filter(({ candidate, score }) => score <= limit && score < name.length || contains(candidate) || sharesWords(candidate)).map(({ candidate }) => candidate);
  if (plausible.length > 0) return plausible.slice(0, count);
  return orClosest && ranked[0] !== void 0 ? [ranked[0].candidate] : [];
}
function plausibleName(name, known) {
  return nearestNames(name, known, { count: 1, orClosest: false })[0];
}
function nearestName(name, known) {
  return nearestNames(name, known, { count: 1 })[0] ?? "";
}
function wordsOf(name) {
  return name.split(/[_\-.\s]+/).filter((part) => part !== "");
}
function typoDistance(a, b) {
  return (0, import_damerau_levenshtein.default)(a, b).steps;
}
var import_damerau_levenshtein;
var init_suggest = __esm({
  "src/util/suggest.ts"() {
    "use strict";
    import_damerau_levenshtein = __toESM(require("damerau-levenshtein"), 1);
  }
});

// src/assumptions/registry.ts
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
var AssumptionRegistry;
var init_registry = __esm({
  "src/assumptions/registry.ts"() {
    "use strict";
    init_assumptions();
    init_errors2();
    init_rules();
    init_content();
    init_hash();
    init_types();
    init_total_check();
    init_suggest();
    AssumptionRegistry = class _AssumptionRegistry {
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
  }
});

// src/messages/fs.ts
var ADVICE, readFailure, notARegularFile, inputFileTooLarge, irregularFile;
var init_fs = __esm({
  "src/messages/fs.ts"() {
    "use strict";
    ADVICE = {
      EEXIST: "a file is in the way where a folder must be: remove or rename that file",
      ENOTDIR: "a file is in the way where a folder must be: remove or rename that file",
      EISDIR: "it is a folder, but a file is needed there: remove or rename that folder, or give the path of a file",
      EACCES: "permission denied: make it writable (or readable) for this user, or work in a copy you own",
      EPERM: "the operation is not permitted: make it writable for this user (an immutable or append-only flag, `lsattr` shows, is removed with `chattr -i -a`), or work in a copy you own",
      EROFS: "the file system is read-only: build in a writable copy of the project",
      ENOSPC: "the disk is full: free some space and run again",
      EDQUOT: "the disk quota is exhausted: free some space and run again",
      ENOENT: "it does not exist: check the path",
      EXDEV: "it is on another file system than the folder around it (a mount point): out/build is replaced whole by renaming, so mount out/ instead of out/build",
      EBUSY: "it is in use or a mount point: out/build is replaced whole by renaming, so mount out/ instead of out/build, and close what holds it"
    };
    readFailure = (error) => {
      const code = error?.code;
      if (typeof code === "string" && code in ADVICE) return `${ADVICE[code] ?? ""} (${code})`;
      return error instanceof Error ? error.message : String(error);
    };
    notARegularFile = (path3, kind) => `${path3}: ${irregularFile(kind)}`;
    inputFileTooLarge = (path3, megabytes, limit) => `${path3}: the file is ${Math.round(megabytes)} MB, more than the ${limit} MB fragtax reads of a project file: a notebook that large carries its outputs (images, data) with it, so clear them in Jupyter (Edit \u2192 Clear Outputs of All Cells) and save; any other file that large is not the one meant`;
    irregularFile = (kind) => `is a ${kind}, not a file: a chapter, report.yaml and the assumptions file are read whole, and a ${kind} would ${kind === "named pipe (FIFO)" ? "wait for a writer for ever" : "be read until memory runs out"}; replace it with the file itself`;
  }
});

// src/util/dates.ts
function isCalendarDate(date) {
  if (!ISO_DATE_PATTERN.test(date)) return false;
  const parsed = /* @__PURE__ */ new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
var ISO_DATE_PATTERN;
var init_dates = __esm({
  "src/util/dates.ts"() {
    "use strict";
    ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
  }
});

// src/util/limits.ts
var MAX_TIMER_MS, MAX_TIMEOUT_SECONDS, MAX_ASSUMPTIONS_FILE_MB, MAX_INPUT_FILE_MB;
var init_limits = __esm({
  "src/util/limits.ts"() {
    "use strict";
    init_dates();
    MAX_TIMER_MS = 2 ** 31 - 1;
    MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1e3);
    MAX_ASSUMPTIONS_FILE_MB = 8;
    MAX_INPUT_FILE_MB = 256;
  }
});

// src/util/linalg.ts
function cholesky(a) {
  const n = a.length;
  const lower = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let j = 0; j < n; j++) {
    const rowJ = lower[j];
    let pivot = a[j][j];
    for (let k = 0; k < j; k++) pivot -= rowJ[k] ** 2;
    if (pivot < -TOLERANCE2) return { ok: false, index: j };
    const diagonal = pivot > TOLERANCE2 ? Math.sqrt(pivot) : 0;
    rowJ[j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      const rowI = lower[i];
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= rowI[k] * rowJ[k];
      if (diagonal === 0) {
        if (Math.abs(sum) > TOLERANCE2) return { ok: false, index: i };
        rowI[j] = 0;
      } else {
        rowI[j] = sum / diagonal;
      }
    }
  }
  return { ok: true, lower };
}
var TOLERANCE2;
var init_linalg = __esm({
  "src/util/linalg.ts"() {
    "use strict";
    TOLERANCE2 = 1e-9;
  }
});

// src/util/records.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var init_records = __esm({
  "src/util/records.ts"() {
    "use strict";
  }
});

// src/assumptions/schema.ts
var import_zod, DISTRIBUTIONS, KINDS, SNAKE_CASE_ID, number, ISO_DATE, SourceSchema, RangeSchema, SupportSchema, AssumptionEntrySchema, LegacyAssumptionEntrySchema, CorrelationEntrySchema, TotalEntrySchema, AssumptionsFileSchema, ENTRY_FIELDS, TOP_LEVEL_KEYS;
var init_schema = __esm({
  "src/assumptions/schema.ts"() {
    "use strict";
    import_zod = require("zod");
    init_dates();
    init_assumptions();
    DISTRIBUTIONS = ["lognormal", "normal", "uniform", "triangular", "fixed"];
    KINDS = ["essay", "source", "judgement"];
    SNAKE_CASE_ID = /^[a-z][a-z0-9_]*$/;
    number = () => import_zod.z.number({ error: (issue) => notAFiniteNumber(issue.input) });
    ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
    SourceSchema = import_zod.z.strictObject({
      title: import_zod.z.string().min(1).meta({ description: 'Publication or author, e.g. "Maverick analyst essay".' }),
      // Only a web address: the report links it, and a javascript: or data: "source" is not one a reader can check.
      url: import_zod.z.url({ protocol: /^https?$/, error: "expected an http(s) address, e.g. https://example.com/report" }).optional().meta({ description: "Where the figure can be checked: an http(s) address.", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" }),
      date: import_zod.z.string().regex(ISO_DATE, "expected a date YYYY-MM-DD").refine(isCalendarDate, "not a calendar date (check the month and day)").meta({ description: "As-of date, YYYY-MM-DD; must not be after report.yaml's asOf." })
    }).meta({ description: "Where the figure comes from." });
    RangeSchema = import_zod.z.strictObject({
      low: number().meta({ description: "5th percentile (lower bound of the support for uniform and triangular)." }),
      high: number().meta({ description: "95th percentile (upper bound of the support for uniform and triangular)." })
    }).meta({ description: "A 90% interval: low is the 5th and high the 95th percentile." });
    SupportSchema = import_zod.z.strictObject({
      min: number().optional().meta({ description: "The lowest value it can take." }),
      greaterThan: number().optional().meta({ description: "A bound it must stay above (a duration or a divisor: > 0). Instead of min." }),
      max: number().optional().meta({ description: "The highest value it can take." })
    }).meta({
      description: "The values it can take, where its unit does not say so (a probability is already 0 to 1, a USD amount \u2265 0): e.g. a correlation the model needs non-negative. What-if values outside it are refused."
    });
    AssumptionEntrySchema = import_zod.z.strictObject({
      id: import_zod.z.string().regex(SNAKE_CASE_ID, "expected snake_case").meta({
        description: "Unique snake_case id, with the unit in it where it helps (h100_usd_per_gpu_hour)."
      }),
      label: import_zod.z.string().min(1).meta({ description: "Human-readable name shown in the report." }),
      unit: import_zod.z.string().min(1).meta({ description: "Unit as readers see it, e.g. USD/GPU-hour." }),
      value: number().optional().meta({ description: "A point value (distribution fixed). Give this or range." }),
      range: RangeSchema.optional(),
      mode: number().optional().meta({ description: "Most likely value; triangular only." }),
      distribution: import_zod.z.enum(DISTRIBUTIONS).optional().meta({
        description: "Default: lognormal for a range, fixed for a value."
      }),
      kind: import_zod.z.enum(KINDS).meta({
        description: "essay: the essay's own figure (checked, never evidence); source: an external publication; judgement: the analysts' judgement (give the reasoning in note)."
      }),
      source: SourceSchema,
      note: import_zod.z.string().optional().meta({ description: "Free text: caveats, how the range was chosen. Required for kind judgement: the reasoning." }),
      support: SupportSchema.optional()
    }).meta({ description: "One sourced figure." });
    LegacyAssumptionEntrySchema = AssumptionEntrySchema.extend({ kind: import_zod.z.enum(KINDS).optional() });
    CorrelationEntrySchema = import_zod.z.strictObject({
      between: import_zod.z.tuple([import_zod.z.string().regex(SNAKE_CASE_ID, "expected snake_case"), import_zod.z.string().regex(SNAKE_CASE_ID, "expected snake_case")]).meta({
        description: "The two assumption ids, e.g. [lab_compute_usd, lab_engineering_usd]."
      }),
      rho: number().meta({ description: "Target Spearman rank correlation, between -1 and 1." }),
      kind: import_zod.z.enum(["source", "judgement"]).meta({ description: "source: a publication measured it (give source); judgement: the analysts' (give the reasoning in note)." }),
      source: SourceSchema.optional(),
      note: import_zod.z.string().optional().meta({ description: "Why the two move together. Required for kind judgement." })
    }).meta({ description: "A rank correlation between two uncertain assumptions, imposed on their samples (Iman\u2013Conover)." });
    TotalEntrySchema = import_zod.z.strictObject({
      of: import_zod.z.array(import_zod.z.string().regex(SNAKE_CASE_ID, "expected snake_case")).min(2, "name at least two assumptions").meta({
        description: "The assumption ids whose point values add up, e.g. the probabilities of exclusive scenarios."
      }),
      equals: number().meta({ description: "What they must add up to, e.g. 1." }),
      note: import_zod.z.string().optional().meta({ description: "Why they add up, e.g. the scenarios are exclusive and exhaustive." })
    }).meta({ description: "Point values that must add up to a sum: checked in the file and on every what-if override." });
    AssumptionsFileSchema = import_zod.z.strictObject({
      assumptions: import_zod.z.array(AssumptionEntrySchema).meta({ description: "Every figure the report depends on." }),
      correlations: import_zod.z.array(CorrelationEntrySchema).optional().meta({ description: "Rank correlations between assumptions; unlisted pairs are independent." }),
      totals: import_zod.z.array(TotalEntrySchema).optional().meta({ description: "Point values that must add up to a sum (scenario probabilities to 1)." })
    }).meta({ title: "fragtax assumptions", description: "Sourced figures for a fragtax report." });
    ENTRY_FIELDS = Object.keys(AssumptionEntrySchema.shape);
    TOP_LEVEL_KEYS = Object.keys(AssumptionsFileSchema.shape);
  }
});

// src/assumptions/correlations.ts
function parseCorrelations(items, context) {
  const problems = [];
  const correlations = [];
  const firstLine = /* @__PURE__ */ new Map();
  items.forEach((item, index) => {
    const parsed = CorrelationEntrySchema.safeParse(item.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path3 = issue.path;
        problems.push(context.at(item, path3, void 0, issueText(issue, index, item.value)));
      }
      return;
    }
    const { between, rho, kind, source, note } = parsed.data;
    const found = entryProblems(parsed.data, context).map(([path3, message]) => context.at(item, path3, void 0, message));
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
      const list2 = byId.get(self) ?? [];
      list2.push(Object.freeze({ with: other, rho }));
      byId.set(self, list2);
    }
  }
  return assumptions.map((a) => {
    const list2 = byId.get(a.id);
    if (list2 === void 0) return a;
    return Object.freeze({ ...a, correlations: Object.freeze(list2.sort((x, y) => x.with < y.with ? -1 : x.with > y.with ? 1 : 0)) });
  });
}
function issueText(issue, index, value) {
  const path3 = issue.path;
  const given = isRecord(value) ? value.kind : void 0;
  if (issue.code === "invalid_value" && path3.length === 1 && path3[0] === "kind" && typeof given === "string") {
    const kinds = issue.values.map(String);
    return correlationUnknownKind(index, given, plausibleName(given, kinds), kinds);
  }
  return invalidCorrelation(index, path3.join(".") || "entry", issue.message);
}
var init_correlations = __esm({
  "src/assumptions/correlations.ts"() {
    "use strict";
    init_assumptions();
    init_linalg();
    init_records();
    init_suggest();
    init_schema();
  }
});

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
var init_totals = __esm({
  "src/assumptions/totals.ts"() {
    "use strict";
    init_assumptions();
    init_schema();
    init_total_check();
  }
});

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
var init_text_position = __esm({
  "src/util/text-position.ts"() {
    "use strict";
  }
});

// src/assumptions/quick-read.ts
function readQuickly(text) {
  if (/^%/m.test(text)) return void 0;
  let events;
  let documents;
  try {
    events = (0, import_js_yaml.parseEvents)(text, {});
    if (events.some(unplain)) return void 0;
    documents = (0, import_js_yaml.constructFromEvents)(events, { source: text });
  } catch {
    return void 0;
  }
  const [root] = documents;
  if (documents.length !== 1 || !isRecord(root) || events[0]?.type !== import_js_yaml.EVENT_ID.DOCUMENT || events[1]?.type !== import_js_yaml.EVENT_ID.MAPPING) return void 0;
  const where = lineIndex(text);
  const keys = [];
  const lists = /* @__PURE__ */ new Map();
  let at2 = 2;
  while (events[at2] !== void 0 && events[at2]?.type !== import_js_yaml.EVENT_ID.POP) {
    const key = events[at2];
    if (key.type !== import_js_yaml.EVENT_ID.SCALAR) return void 0;
    const name = (0, import_js_yaml.getScalarValue)(text, key);
    keys.push({ name, at: where(key.valueStart) });
    if (events[at2 + 1]?.type === import_js_yaml.EVENT_ID.SEQUENCE) {
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
  if (event.type === import_js_yaml.EVENT_ID.ALIAS) return true;
  if (event.type === import_js_yaml.EVENT_ID.SCALAR || event.type === import_js_yaml.EVENT_ID.SEQUENCE || event.type === import_js_yaml.EVENT_ID.MAPPING) return event.tagStart !== -1 || event.anchorStart !== -1;
  return false;
}
function itemStarts(events, at2) {
  const starts = [];
  let index = at2;
  while (events[index] !== void 0 && events[index]?.type !== import_js_yaml.EVENT_ID.POP) {
    const item = events[index];
    if (item.type !== import_js_yaml.EVENT_ID.MAPPING) return void 0;
    starts.push(item.start);
    index = after(events, index);
  }
  return starts;
}
function after(events, at2) {
  const first = events[at2];
  if (first === void 0 || first.type !== import_js_yaml.EVENT_ID.SEQUENCE && first.type !== import_js_yaml.EVENT_ID.MAPPING) return at2 + 1;
  let depth = 0;
  for (let index = at2; index < events.length; index++) {
    const type = events[index]?.type;
    if (type === import_js_yaml.EVENT_ID.SEQUENCE || type === import_js_yaml.EVENT_ID.MAPPING) depth++;
    else if (type === import_js_yaml.EVENT_ID.POP && --depth === 0) return index + 1;
  }
  return events.length;
}
var import_js_yaml;
var init_quick_read = __esm({
  "src/assumptions/quick-read.ts"() {
    "use strict";
    import_js_yaml = require("js-yaml");
    init_records();
    init_text_position();
  }
});

// src/assumptions/read-file.ts
function isList(read) {
  return Array.isArray(read);
}
var init_read_file = __esm({
  "src/assumptions/read-file.ts"() {
    "use strict";
  }
});

// src/messages/yaml.ts
var yamlNotClosed, yamlAdvice, yamlItemOutdented, yamlBlockInFlow, quoted, yamlMissingComma, yamlTooManyAliases, yamlNestedTooDeep, yamlKeyNotAWord, yamlAliasInsideItself, yamlAliasWithoutAnchor, yamlTagNotApplied, yamlVersionDirective, yamlSecondDocument, yamlFileNotText;
var init_yaml = __esm({
  "src/messages/yaml.ts"() {
    "use strict";
    yamlNotClosed = (open2) => open2 === "{" || open2 === "[" ? `this "${open2}" is never closed: add the "${open2 === "{" ? "}" : "]"}" that ends the ${open2 === "{" ? "map" : "list"}, before the next key (or write it as an indented block)` : `this ${open2} opens a text that is never closed: add the closing ${open2} where the text ends (or write it without quotes)`;
    yamlAdvice = (code, message) => {
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
    yamlItemOutdented = (column) => `this "- " item starts left of the items above it (column ${column}), so it belongs to none of their lists: start every item of one list at the same column`;
    yamlBlockInFlow = () => 'a "{ \u2026 }" or "[ \u2026 ]" holds a value with ": " in it, or a line break between a key and its value: separate its entries with commas, quote a value that holds ": ", or write the mapping as indented lines';
    quoted = (value) => /^(".*"|'.*')$/.test(value) ? value : `"${value}"`;
    yamlMissingComma = (value, key, semicolon, fixed) => `${semicolon ? `a ";" separates ${quoted(value)} from "${key}:"` : `a comma is missing between ${quoted(value)} and "${key}:"`}: the entries inside "{ \u2026 }" are separated by commas${fixed === void 0 ? "" : `; write ${fixed}`}`;
    yamlTooManyAliases = (alias, limit) => `its aliases (the first is ${alias}) expand to more than ${limit.toLocaleString("en-US")} values, which is refused as a resource-exhaustion attack ("billion laughs"): write the repeated parts out, or repeat them fewer times`;
    yamlNestedTooDeep = (limit) => `lists or mappings are nested here more than ${limit} levels deep inside each other; these files need a few levels: write the value flatter`;
    yamlKeyNotAWord = () => "this key is a list or a mapping; a key here is a plain name (write it as a word before the colon)";
    yamlAliasInsideItself = (name) => `the alias *${name} is inside the value &${name} marks, so that value would contain itself: repeat a value only after it ends`;
    yamlAliasWithoutAnchor = (name) => `the alias *${name} names no anchor: mark the value it repeats with &${name}, above the alias`;
    yamlTagNotApplied = (tag, value) => {
      const instead = `write the value without the tag${value === "" ? "" : `, as ${value}`}`;
      if (!tag.startsWith("!!")) return `the tag ${tag} is not one of YAML's core schema, which these files are read with: ${instead}`;
      const why = tag === "!!float" ? ": YAML's core schema reads a !!float only with a decimal point or an exponent" : " under YAML's core schema";
      return `the tag ${tag} cannot be applied${value === "" ? "" : ` to ${value}`}${why}; ${instead}`;
    };
    yamlVersionDirective = (version) => `a "%YAML ${version}" directive: every YAML input is read as YAML 1.2 (its core schema), and under ${version} the same numbers would read differently (010 as 8, 3:00 as 180); remove the line`;
    yamlSecondDocument = () => 'a "---" line here starts a second document, and the file holds one: remove the line (move what follows it into the first document, or out of the file)';
    yamlFileNotText = (file, how, what) => how === "empty" ? `the file is empty, where ${what} go; restore it from git (\`git checkout -- ${file}\`), or write them` : `the file is not text (it holds bytes no text file has: binary data, or an encoding other than UTF-8), where ${what} go; restore it from git (\`git checkout -- ${file}\`), or save it as UTF-8 text`;
  }
});

// src/util/yaml-comma.ts
function missingComma(text, offset) {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  const line = text.slice(lineStart, newline < 0 ? text.length : newline).replace(/\r$/, "");
  const open2 = braceAround(line, offset - lineStart);
  const gaps = open2 === void 0 ? void 0 : gapsIn(line, open2);
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
function gapsIn(line, open2) {
  const gaps = [];
  let depth = 0;
  let close;
  let valueStart = -1;
  for (let index = open2 + 1; index < line.length && close === void 0; index++) {
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
var QUOTE_LIMIT, opensText, opensComment;
var init_yaml_comma = __esm({
  "src/util/yaml-comma.ts"() {
    "use strict";
    QUOTE_LIMIT = 100;
    opensText = (line, at2) => (line[at2] === '"' || line[at2] === "'") && (at2 === 0 || /[\s[{,:]/.test(line[at2 - 1] ?? ""));
    opensComment = (line, at2) => line[at2] === "#" && (at2 === 0 || /\s/.test(line[at2 - 1] ?? ""));
  }
});

// src/util/yaml-syntax.ts
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
    const document2 = (0, import_yaml.parseDocument)(text, options);
    const { version, explicit } = document2.directives?.yaml ?? {};
    const directive = /^%YAML\b/m.exec(text)?.index ?? 0;
    if (explicit === true && version !== "1.2") document2.errors.unshift(new import_yaml.YAMLParseError([directive, directive + 5], "BAD_DIRECTIVE", yamlVersionDirective(version ?? "?")));
    return document2;
  }
  const document = (0, import_yaml.parseDocument)("", options);
  document.errors.push(new import_yaml.YAMLParseError([tooDeep, tooDeep + 1], "RESOURCE_EXHAUSTION", yamlNestedTooDeep(MAX_YAML_DEPTH)));
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
function plainYaml(document, text) {
  const tagFailed = document.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (tagFailed !== void 0) {
    const [start = 0, end = start] = tagFailed.pos;
    const written = text.slice(start, end);
    const value = /^\S+[ \t]+([^\n#]*)/.exec(text.slice(start, text.indexOf("\n", start) < 0 ? void 0 : text.indexOf("\n", start)))?.[1]?.trim() ?? "";
    return { problem: { ...lineColumn(text, start), detail: yamlTagNotApplied(written, value) } };
  }
  let found;
  (0, import_yaml.visit)(document, {
    Alias(_key, node, path3) {
      if (!path3.some((ancestor) => (0, import_yaml.isNode)(ancestor) && ancestor.anchor === node.source)) return void 0;
      found = { offset: node.range?.[0] ?? 0, detail: yamlAliasInsideItself(node.source) };
      return import_yaml.visit.BREAK;
    },
    Pair(_key, pair2) {
      if (!(0, import_yaml.isCollection)(pair2.key)) return void 0;
      found = { offset: pair2.key.range?.[0] ?? 0, detail: yamlKeyNotAWord() };
      return import_yaml.visit.BREAK;
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
    (0, import_yaml.visit)(document, {
      Alias(_key, node) {
        if (unresolved !== void 0 && node.source !== unresolved) return void 0;
        first = { offset: node.range?.[0] ?? 0, source: `*${node.source}` };
        return import_yaml.visit.BREAK;
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
  for (const token of new import_yaml.Parser().parse(text)) visit2(token);
  return found.filter((opener) => opener.offset <= limit).at(-1);
}
var import_yaml, MAX_YAML_DEPTH, COMMA_CODES, MAX_ALIAS_VALUES;
var init_yaml_syntax = __esm({
  "src/util/yaml-syntax.ts"() {
    "use strict";
    import_yaml = require("yaml");
    init_yaml();
    init_text_position();
    init_yaml_comma();
    MAX_YAML_DEPTH = 100;
    COMMA_CODES = /* @__PURE__ */ new Set(["BLOCK_IN_FLOW", "UNEXPECTED_TOKEN", "BLOCK_AS_IMPLICIT_KEY", "MISSING_CHAR"]);
    MAX_ALIAS_VALUES = 1e4;
  }
});

// src/assumptions/yaml-read.ts
function readWithYaml(text, fileName) {
  const lines = new import_yaml3.LineCounter();
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
  const plain2 = resolved.value;
  const item = (node, value) => ({ value, at: (path3, pointAtKey = false) => where(nodeAt(node, path3, pointAtKey)) });
  return {
    keys: (0, import_yaml3.isMap)(root) ? root.items.map((pair2) => ({ name: keyText(pair2.key), at: where(pair2.key) })) : void 0,
    rootAt: where(root),
    list: (key) => {
      if (!(0, import_yaml3.isMap)(root)) return void 0;
      const list2 = root.get(key, true);
      if (list2 === void 0 || list2 === null) return void 0;
      if (!(0, import_yaml3.isSeq)(list2)) return { notAList: where(list2) };
      const values = isRecord(plain2) && Array.isArray(plain2[key]) ? plain2[key] : [];
      return list2.items.map((node, index) => item(node, values[index]));
    }
  };
}
function nodeAt(node, path3, pointAtKey = false) {
  let current = node;
  for (const [index, segment] of path3.entries()) {
    if ((0, import_yaml3.isSeq)(current) && typeof segment === "number") {
      const item = current.items[segment];
      if (item?.range === void 0 || item.range === null) return current;
      current = item;
      continue;
    }
    if (!(0, import_yaml3.isMap)(current)) return current;
    const pair2 = current.items.find((p) => (0, import_yaml3.isPair)(p) && keyText(p.key) === String(segment));
    if (pair2 === void 0) return current;
    if (pointAtKey && index === path3.length - 1) return pair2.key;
    const next2 = pair2.value;
    if (next2 === null || next2.range === void 0 || next2.range === null) return pair2.key;
    current = next2;
  }
  return current;
}
function keyText(key) {
  return (0, import_yaml3.isScalar)(key) ? String(key.value) : String(key);
}
function idAtOrAbove(text, line) {
  const lines = text.split(/\r?\n/).slice(0, line);
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = /^\s*(?:-\s+)?id:\s*["']?([A-Za-z0-9_]+)/.exec(lines[index] ?? "");
    if (match !== null) return match[1];
  }
  return void 0;
}
var import_yaml3;
var init_yaml_read = __esm({
  "src/assumptions/yaml-read.ts"() {
    "use strict";
    import_yaml3 = require("yaml");
    init_assumptions();
    init_records();
    init_yaml_syntax();
    init_errors2();
  }
});

// src/util/paths.ts
function isInside(folder, path3) {
  const rel = (0, import_node_path2.relative)(folder, path3);
  return !rel.startsWith("..") && !(0, import_node_path2.isAbsolute)(rel);
}
function displayPath(absolute, root) {
  return isInside(root, absolute) ? (0, import_node_path2.relative)(root, absolute).split(import_node_path2.sep).join("/") : absolute;
}
var import_node_path2;
var init_paths = __esm({
  "src/util/paths.ts"() {
    "use strict";
    import_node_path2 = require("node:path");
    init_fs();
  }
});

// src/util/plain-file.ts
async function readChecked(path3, refuse) {
  const handle = await (0, import_promises.open)(path3, NON_BLOCKING_READ);
  try {
    refuse(await handle.stat());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
function refuseIrregular(path3, info) {
  if (info.isFile() && info.size > MAX_INPUT_FILE_MB * 1024 * 1024) throw new InputFileTooLargeError(path3, info.size);
  if (info.isFile()) return;
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: "EISDIR", errno: -21, syscall: "read", path: path3 });
  throw new NotARegularFileError(path3, info.isFIFO() ? "named pipe (FIFO)" : info.isSocket() ? "socket" : "device");
}
async function readInputText(path3) {
  return (await readChecked(path3, (info) => refuseIrregular(path3, info))).toString("utf8");
}
var import_node_fs3, import_promises, import_node_path3, NON_BLOCKING_READ, NotARegularFileError, InputFileTooLargeError;
var init_plain_file = __esm({
  "src/util/plain-file.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    import_promises = require("node:fs/promises");
    import_node_path3 = require("node:path");
    init_fs();
    init_limits();
    init_errors();
    init_paths();
    NON_BLOCKING_READ = import_node_fs3.constants.O_RDONLY | (import_node_fs3.constants.O_NONBLOCK ?? 0);
    NotARegularFileError = class extends InputError {
      constructor(path3, kind) {
        super(notARegularFile(displayPath((0, import_node_path3.resolve)(path3), process.cwd()), kind));
        this.path = path3;
        this.kind = kind;
      }
      path;
      kind;
    };
    InputFileTooLargeError = class extends InputError {
      constructor(path3, bytes) {
        super(inputFileTooLarge(displayPath((0, import_node_path3.resolve)(path3), process.cwd()), bytes / (1024 * 1024), MAX_INPUT_FILE_MB));
        this.path = path3;
      }
      path;
    };
  }
});

// src/assumptions/load.ts
var load_exports = {};
__export(load_exports, {
  loadAssumptionsFile: () => loadAssumptionsFile,
  parseAssumptions: () => parseAssumptions
});
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
  const list2 = file.list("assumptions");
  const misspelt = list2 === void 0 && file.keys.some((key) => plausibleName(key.name, TOP_LEVEL_KEYS) === "assumptions");
  if (!isList(list2)) return misspelt && topProblems.length > 0 ? topProblems : [problem(list2 === void 0 ? file.rootAt : list2.notAList, void 0, notAnAssumptionsFile()), ...topProblems];
  const problems = [...topProblems];
  const assumptions = [];
  const firstLineOf = /* @__PURE__ */ new Map();
  for (const item of list2) {
    const raw = item.value;
    const rawId = isRecord(raw) && typeof raw.id === "string" ? raw.id : void 0;
    const at2 = (path3, message, pointAtKey = false) => problem(item.at(path3, pointAtKey), rawId, message);
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
    at: (item, path3, id, message) => problem(item.at(path3), id, message)
  });
  if (isProblems(correlationProblems)) return correlationProblems;
  const totalItems = listAt("totals", invalidTotal(0, "totals", "expected a list"));
  if ("problem" in totalItems) return [totalItems.problem];
  const { totals, problems: totalProblems } = parseTotals(totalItems.items, {
    ...context,
    at: (item, path3, message) => problem(item.at(path3), void 0, message)
  });
  if (isProblems(totalProblems)) return totalProblems;
  return new AssumptionRegistry(attachCorrelations(assumptions, correlations), fileName, correlations, totals);
}
function isProblems(problems) {
  return problems.length > 0;
}
async function loadAssumptionsFile(path3, name = path3) {
  let text;
  try {
    text = await readInputText(path3);
  } catch (error) {
    const text2 = error instanceof NotARegularFileError ? `the assumptions file ${irregularFile(error.kind)}` : cannotReadAssumptions(name, readFailure(error));
    throw new AssumptionError([{ file: name, line: 1, column: 1, id: void 0, text: text2 }]);
  }
  return parseAssumptions(text, name);
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
  const path3 = issue.path;
  return issue.code === "unrecognized_keys" && issue.keys[0] !== void 0 ? [...path3, issue.keys[0]] : path3;
}
function issueMessage(issue, raw, id) {
  const path3 = issue.path;
  const field = path3.join(".");
  const last = path3[path3.length - 1];
  if (issue.code === "unrecognized_keys") {
    const known = FIELDS_AT[field] ?? [];
    const given2 = issue.keys[0] ?? "";
    const glued = issue.keys.flatMap((key) => gluedKey(key, known) ?? []);
    if (glued[0]?.written === given2) return keyWithoutSpace(id, given2, glued.map(({ key, value }) => `${key}: ${value}`));
    return unknownField(id, given2, nearestName(given2, known), known);
  }
  if (last === "kind" && valueAt(raw, path3) === void 0) return missingKind(id);
  if (issue.code === "invalid_value" && last === "distribution") {
    const given2 = String(valueAt(raw, path3));
    return unknownDistribution(id, given2, plausibleName(given2, DISTRIBUTIONS), DISTRIBUTIONS);
  }
  if (issue.code === "invalid_value" && last === "kind") {
    const kinds = issue.values.map(String);
    return unknownKind(id, String(valueAt(raw, path3)), plausibleName(String(valueAt(raw, path3)), kinds), kinds);
  }
  const bounds = last === "range" && issue.code === "invalid_type" ? boundsOf(valueAt(raw, path3)) : void 0;
  if (bounds !== void 0) return rangeAsMapping(id, bounds.low, bounds.high);
  const given = valueAt(raw, path3);
  if (issue.code === "invalid_type" && issue.expected === "number" && typeof given === "string") return notANumber(id, field, given);
  const one = last === "range" && issue.code === "invalid_type" ? valueAt(raw, path3) : void 0;
  if (typeof one === "number") return rangeOneNumber(id, String(one));
  if (issue.code === "invalid_type" && valueAt(raw, path3) === void 0) {
    if (path3.length === 0) return invalidField(id, "entry", "expected a mapping of fields");
    if (last === "source") return missingSource(id);
    if (last === "id") return missingId();
    return missingField(id, field);
  }
  if (last === "id" && issue.code === "invalid_format") return badId(String(valueAt(raw, path3)));
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
function valueAt(raw, path3) {
  let current = raw;
  for (const segment of path3) {
    if (!isRecord(current) && !Array.isArray(current)) return void 0;
    current = current[segment];
  }
  return current;
}
var FIELDS_AT;
var init_load = __esm({
  "src/assumptions/load.ts"() {
    "use strict";
    init_assumptions();
    init_fs();
    init_limits();
    init_errors2();
    init_correlations();
    init_totals();
    init_registry();
    init_rules();
    init_schema();
    init_suggest();
    init_records();
    init_quick_read();
    init_read_file();
    init_yaml_read();
    init_yaml_syntax();
    init_yaml();
    init_plain_file();
    init_fs();
    FIELDS_AT = {
      "": ENTRY_FIELDS,
      range: Object.keys(RangeSchema.shape),
      source: Object.keys(SourceSchema.shape)
    };
  }
});

// src/model/defaults.ts
var init_defaults = __esm({
  "src/model/defaults.ts"() {
    "use strict";
  }
});

// src/notebook/worker.ts
var import_node_util3 = require("node:util");
var import_node_os2 = require("node:os");
var import_node_worker_threads2 = require("node:worker_threads");
init_errors2();

// src/messages/notebook.ts
init_location();
init_suggestion();
var unreadableErrorField = (field, detail) => `(its ${field} could not be read: reading it threw ${detail})`;
var unshowableThrownValue = () => "(a thrown value that cannot be shown: inspecting it threw)";
var cellCalledExit = (code, name = "process.exit") => `${name}(${code === void 0 ? "" : String(code)}) was called: a notebook cell cannot end the process; throw an Error to stop the notebook with a message`;
var cellSignalledItself = (pid, signal) => `process.kill(${pid === 0 ? "0" : pid < 0 ? "-process.pid" : "process.pid"}${signal === void 0 ? "" : `, ${JSON.stringify(signal)}`}) was called: a notebook cell cannot signal the process it runs in; throw an Error to stop the notebook with a message`;
var cellCalledAbort = () => "process.abort() was called: a notebook cell cannot end the process; throw an Error to stop the notebook with a message";
var moduleNotBundled = (specifier) => `module "${specifier}" was not bundled`;
var unhandledRejection = (detail) => `${detail} (a promise that nothing awaited was rejected: await it, or handle it with .catch)`;

// src/notebook/thread-children.ts
var import_node_fs = require("node:fs");
function threadTaskId() {
  try {
    const tid = Number(/task\/(\d+)$/.exec((0, import_node_fs.readlinkSync)("/proc/thread-self"))?.[1]);
    return Number.isInteger(tid) && tid > 0 ? tid : void 0;
  } catch {
    return void 0;
  }
}

// src/notebook/assumptions.ts
init_registry();
async function loadTrackedAssumptions(inputs, consumer) {
  const name = inputs.assumptionsName ?? inputs.assumptionsFile ?? "(no assumptions file)";
  const loaded2 = inputs.assumptionsFile === null ? new AssumptionRegistry([], name) : inputs.preloaded !== void 0 ? new AssumptionRegistry(inputs.preloaded.assumptions.map(deepFreeze), name) : await (await Promise.resolve().then(() => (init_load(), load_exports))).loadAssumptionsFile(inputs.assumptionsFile, name);
  const registry = loaded2.fileName === name ? loaded2 : new AssumptionRegistry(loaded2.all(), name, loaded2.correlations);
  const effective = inputs.overrides.length > 0 ? registry.withOverrides(inputs.overrides) : registry;
  return effective.reader(consumer);
}
function deepFreeze(value) {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}

// src/notebook/outputs.ts
var import_node_util = require("node:util");

// src/notebook/nbformat.ts
init_errors();
init_records();
init_suggest();
init_text_position();

// src/util/code-frame.ts
init_control();

// src/notebook/nbformat.ts
init_plain_file();
init_fs();

// src/vocabulary/shown-values.ts
var SHOWN = /* @__PURE__ */ Symbol.for("fragtax.shown");
function isShown(value) {
  return (typeof value === "object" || typeof value === "function") && value !== null && value[SHOWN] === true;
}

// src/notebook/outputs.ts
function inspectValue(value) {
  return value === void 0 || value === null ? void 0 : (0, import_node_util.format)(value);
}
var MAX_CELL_PRINT_CHARS = 8 * 1024 * 1024;

// src/notebook/model-runs.ts
var import_node_os = require("node:os");
var import_node_path6 = require("node:path");

// src/notebook/model-run-file.ts
var import_node_fs4 = require("node:fs");

// src/vocabulary/kept-runs.ts
var MODEL_RUNS = /* @__PURE__ */ Symbol.for("fragtax.modelRuns");
var SUMMARY_FIELDS = ["mean", "p5", "p25", "p50", "p75", "p95"];

// src/notebook/model-run-file.ts
init_hash();
var FORMAT = "2";
function encode(run2, name, key) {
  const inputs = Object.keys(run2.inputs);
  const outputs = Object.keys(run2.outputs);
  const samples = (Object.values(run2.inputs)[0] ?? Object.values(run2.outputs)[0]?.samples)?.length ?? 0;
  const summaries = new Float64Array(outputs.length * SUMMARY_FIELDS.length);
  outputs.forEach((output, i) => summaries.set(run2.outputs[output]?.summary ?? [], i * SUMMARY_FIELDS.length));
  const columns = [...inputs.map((input) => run2.inputs[input]), ...outputs.map((output) => run2.outputs[output]?.samples)];
  const header = { format: FORMAT, name, key, inputs, outputs, samples, digests: { summaries: sha256(bytesOf(summaries)), columns: columns.map((column) => sha256(bytesOf(column))) } };
  const head = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = new Uint8Array(dataStart(head.length));
  new DataView(prefix.buffer).setUint32(0, head.length, true);
  prefix.set(head, 4);
  return [prefix, ...[summaries, ...columns].map(bytesOf)];
}
function openRunFile(file, name, key, allocate) {
  const opened = (0, import_node_fs4.openSync)(file, "r");
  try {
    const size = (0, import_node_fs4.fstatSync)(opened).size;
    const header = readHeader(opened, size);
    if (header === void 0 || header.name !== name || header.key !== key) return void 0;
    const { inputs, outputs, samples, start } = header;
    const summaryBlock = new Float64Array(outputs.length * SUMMARY_FIELDS.length);
    if (!readAt(opened, summaryBlock, start) || sha256(bytesOf(summaryBlock)) !== header.digests.summaries) return void 0;
    const summaries = {};
    outputs.forEach((output, i) => summaries[output] = summaryBlock.slice(i * SUMMARY_FIELDS.length, (i + 1) * SUMMARY_FIELDS.length));
    const columnsStart = start + summaryBlock.byteLength;
    const names = [...inputs.map((input) => `i:${input}`), ...outputs.map((output) => `o:${output}`)];
    const offsetOf = (index) => columnsStart + index * samples * 8;
    return {
      samples,
      inputs,
      outputs,
      summaries,
      valuesAt(draws) {
        if (draws.some((draw) => !Number.isInteger(draw) || draw < 0 || draw >= samples)) return void 0;
        return withFile(file, size, (fd) => {
          const one = new Float64Array(1);
          const values = (index) => {
            const column = [];
            for (const draw of draws) {
              if (!readAt(fd, one, offsetOf(index) + draw * 8)) return void 0;
              column.push(one[0]);
            }
            return column;
          };
          const take = (list2, first) => {
            const out = {};
            for (const [i, item] of list2.entries()) {
              const column = values(first + i);
              if (column === void 0) return void 0;
              out[item] = column;
            }
            return out;
          };
          const kept = { inputs: take(inputs, 0), outputs: take(outputs, inputs.length) };
          return kept.inputs !== void 0 && kept.outputs !== void 0 ? { inputs: kept.inputs, outputs: kept.outputs } : void 0;
        });
      },
      column(kind, columnName) {
        const index = names.indexOf(`${kind === "input" ? "i" : "o"}:${columnName}`);
        if (index < 0) return void 0;
        const column = allocate(samples);
        if (column.length !== samples) return void 0;
        const whole = withFile(file, size, (fd) => readAt(fd, column, offsetOf(index)));
        if (whole !== true) return void 0;
        if (sha256(bytesOf(column)) === header.digests.columns[index]) return column;
        try {
          (0, import_node_fs4.rmSync)(file, { force: true });
        } catch {
        }
        return void 0;
      }
    };
  } finally {
    (0, import_node_fs4.closeSync)(opened);
  }
}
function readHeader(fd, size) {
  const length = Buffer.alloc(4);
  if (size < 4 || !readAt(fd, length, 0)) return void 0;
  const headLength = length.readUInt32LE(0);
  const start = dataStart(headLength);
  if (start > size) return void 0;
  const bytes = Buffer.alloc(headLength);
  if (!readAt(fd, bytes, 4)) return void 0;
  let header;
  try {
    header = JSON.parse(bytes.toString("utf8"));
  } catch {
    return void 0;
  }
  const { format: format3, name, key, inputs, outputs, samples, digests } = header;
  if (format3 !== FORMAT || typeof name !== "string" || typeof key !== "string" || !isNames(inputs) || !isNames(outputs)) return void 0;
  if (!Number.isInteger(samples) || samples < 1 || digests === void 0 || !isNames(digests.columns) || typeof digests.summaries !== "string") return void 0;
  const n = samples;
  if (digests.columns.length !== inputs.length + outputs.length) return void 0;
  if (size !== start + (outputs.length * SUMMARY_FIELDS.length + (inputs.length + outputs.length) * n) * 8) return void 0;
  return { format: format3, name, key, inputs, outputs, samples: n, digests, start };
}
var isNames = (value) => Array.isArray(value) && value.every((item) => typeof item === "string");
function withFile(file, size, use) {
  let fd;
  try {
    fd = (0, import_node_fs4.openSync)(file, "r");
  } catch {
    return void 0;
  }
  try {
    return (0, import_node_fs4.fstatSync)(fd).size === size ? use(fd) : void 0;
  } catch {
    return void 0;
  } finally {
    (0, import_node_fs4.closeSync)(fd);
  }
}
function readAt(fd, into, position) {
  for (let done = 0; done < into.byteLength; ) {
    const read = (0, import_node_fs4.readSync)(fd, into, done, into.byteLength - done, position + done);
    if (read === 0) return false;
    done += read;
  }
  return true;
}
var bytesOf = (values) => new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
function dataStart(headLength) {
  return Math.ceil((4 + headLength) / 8) * 8;
}

// src/util/atomic.ts
var import_node_crypto2 = require("node:crypto");
var import_node_fs6 = require("node:fs");
var import_node_path5 = require("node:path");

// src/util/folders.ts
var import_node_fs5 = require("node:fs");
var import_node_path4 = require("node:path");
var isEnoent = (error) => error?.code === "ENOENT";
function firstMissing(path3) {
  let missing = (0, import_node_path4.resolve)(path3);
  while ((0, import_node_path4.dirname)(missing) !== missing && !(0, import_node_fs5.existsSync)((0, import_node_path4.dirname)(missing))) missing = (0, import_node_path4.dirname)(missing);
  return missing;
}
function makeFolderSync(path3) {
  try {
    (0, import_node_fs5.mkdirSync)(path3, { recursive: true });
  } catch (error) {
    if (!isEnoent(error)) throw error;
    (0, import_node_fs5.mkdirSync)(firstMissing(path3));
    (0, import_node_fs5.mkdirSync)(path3, { recursive: true });
  }
}

// src/util/atomic.ts
function temporarySibling(path3) {
  return (0, import_node_path5.join)((0, import_node_path5.dirname)(path3), `.${(0, import_node_path5.basename)(path3)}.${process.pid}.${(0, import_node_crypto2.randomBytes)(4).toString("hex")}.tmp`);
}
function isTemporarySibling(path3) {
  return writerOfTemporary(path3) !== void 0;
}
var ABANDONED_TEMPORARY_MS = 6e4;
function abandonedTemporary(path3, mtimeMs, now = Date.now()) {
  return isTemporarySibling(path3) && now - mtimeMs > ABANDONED_TEMPORARY_MS;
}
function writerOfTemporary(path3) {
  const pid = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec((0, import_node_path5.basename)(path3))?.[1];
  return pid === void 0 ? void 0 : Number(pid);
}
function writeFileAtomicSync(path3, data) {
  makeFolderSync((0, import_node_path5.dirname)(path3));
  const temporary = temporarySibling(path3);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) (0, import_node_fs6.writeFileSync)(temporary, data);
    else writeChunksSync(temporary, data);
    (0, import_node_fs6.renameSync)(temporary, path3);
  } catch (error) {
    (0, import_node_fs6.rmSync)(temporary, { force: true });
    throw error;
  }
}
function writeChunksSync(path3, chunks) {
  const fd = (0, import_node_fs6.openSync)(path3, "w");
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.byteLength; ) written += (0, import_node_fs6.writeSync)(fd, chunk, written, chunk.byteLength - written);
    }
  } finally {
    (0, import_node_fs6.closeSync)(fd);
  }
}

// src/util/prune.ts
var import_node_fs7 = require("node:fs");
function touchSync(file) {
  const now = /* @__PURE__ */ new Date();
  try {
    (0, import_node_fs7.utimesSync)(file, now, now);
  } catch {
  }
}
var PRUNE_EVERY_MS = 10 * 6e4;

// src/notebook/model-runs.ts
init_hash();
var MODEL_RUNS_BUDGET = 256 * 1024 * 1024;
var ModelRunFiles = class {
  /**
   * `outside`: the files and environment variables the notebook has read so far, as text. A module
   * may read them as it loads (a table, a rate) and its model close over them, and the bundle's hash
   * cannot see them: they are part of the key.
   */
  constructor(dir, bundleHash, outside = () => "", claims) {
    this.dir = dir;
    this.bundleHash = bundleHash;
    this.outside = outside;
    this.claims = claims;
  }
  dir;
  bundleHash;
  outside;
  claims;
  /** Each exported model's name; whether it is still as exported is `#exported`'s to say. */
  #models = /* @__PURE__ */ new WeakMap();
  /**
   * Every imported module's exports as they were loaded, models and data alike: a model may read an
   * exported table (`RATES.factor`) or call another exported model, which the key cannot see, so
   * while a cell has changed any of them nothing is served. Undefined: one could not be compared.
   */
  #exported = [];
  /** What `outside` said when each key was read: a run whose computing read more is not kept. */
  #readWith = /* @__PURE__ */ new Map();
  #made = false;
  #asked = 0;
  /** Each run a read found: kept, unless its reader did not take it after all (`spoiled`). */
  #found = [];
  /** The run the last read found: written next, it was not taken (run-memo.ts checks a kept run first). */
  #lastFound;
  /** The runs this notebook is computing under a claim (run-claims.ts), by key: each file ends its claim when written. */
  #claimed = /* @__PURE__ */ new Map();
  /** The first write the folder refused, for the engine to say (execute.ts); later ones add nothing. */
  #refused;
  /** The models `namespace` exports: directly, or in an exported list (`[i]`, `[i].model`). */
  register(specifier, namespace) {
    if (typeof namespace !== "object" || namespace === null) return;
    const state = stateOf(namespace);
    if (state === void 0) this.#exported = void 0;
    else this.#exported?.push({ namespace, state });
    for (const [name, value] of Object.entries(namespace)) {
      this.#add(value, `${specifier}#${name}`);
      if (!Array.isArray(value)) continue;
      value.forEach((item, i) => {
        this.#add(item, `${specifier}#${name}[${i}]`);
        if (typeof item === "object" && item !== null) this.#add(item.model, `${specifier}#${name}[${i}].model`);
      });
    }
  }
  /**
   * Why a run could not be kept, when the folder refused a write (no permission, an immutable folder,
   * a full disk): the build goes on computing every run again, so the engine ends it with the path,
   * as every other cache does. Undefined while every write landed.
   */
  refused() {
    return this.#refused;
  }
  /** The runs asked for so far: kept ones read, the others computed (for the build's "model runs" note). */
  counts() {
    const kept = this.#found.filter((found) => !found.spoiled).length;
    return { kept, computed: this.#asked - kept };
  }
  read(model, key, allocate) {
    this.#asked += 1;
    this.#lastFound = void 0;
    const name = this.#nameOf(model);
    if (name === void 0) return void 0;
    const outside = this.outside();
    this.#readWith.set(key, outside);
    const file = this.#file(name, key, outside);
    let run2 = this.#open(file, name, `${key}
${outside}`, allocate);
    if (run2 === "missing" && this.claims !== void 0) {
      const claim = this.claims.claim(file, this.#claimed.size === 0);
      if (claim !== "unclaimed") run2 = this.#open(file, name, `${key}
${outside}`, allocate);
      if (claim === "mine" && typeof run2 === "object") this.claims.release(file);
      else if (claim === "mine") this.#claimed.set(key, file);
    }
    if (run2 === void 0 || run2 === "missing") return void 0;
    const found = { spoiled: false };
    this.#found.push(found);
    this.#lastFound = found;
    touchSync(file);
    return { ...run2, spoil: () => void (found.spoiled = true) };
  }
  write(model, key, run2) {
    try {
      this.#keep(model, key, run2);
    } finally {
      this.abandon(model, key);
    }
  }
  /** The run of `model` under `key` is not being computed here any more (its computing failed): its claim ends. */
  abandon(_model, key) {
    const file = this.#claimed.get(key);
    if (file === void 0) return;
    this.#claimed.delete(key);
    this.claims?.release(file);
  }
  /** Ends every claim this notebook still holds (its end, whatever happened). */
  releaseClaims() {
    for (const file of this.#claimed.values()) this.claims?.release(file);
    this.#claimed.clear();
  }
  #keep(model, key, run2) {
    if (this.#lastFound !== void 0) this.#lastFound.spoiled = true;
    this.#lastFound = void 0;
    const name = this.#nameOf(model);
    if (name === void 0) return;
    const outside = this.outside();
    if (this.#readWith.get(key) !== outside) return;
    try {
      if (!this.#made) makeFolderSync(this.dir);
      this.#made = true;
      writeFileAtomicSync(this.#file(name, key, outside), encode(run2, name, `${key}
${outside}`));
    } catch (error) {
      const { code, path: path3, dest } = error;
      this.#refused ??= { code: code ?? "EIO", path: dest ?? path3 ?? this.dir };
    }
  }
  /** The kept run in `file`; undefined when the file holds another run or is damaged; "missing" when there is no file. */
  #open(file, name, key, allocate) {
    try {
      return openRunFile(file, name, key, allocate);
    } catch (error) {
      return error.code === "ENOENT" ? "missing" : void 0;
    }
  }
  #add(value, name) {
    if (isModel(value) && !this.#models.has(value)) this.#models.set(value, name);
  }
  /**
   * The registered name, while everything the modules export is as they made it (`#exported`): the
   * model itself in every field (an object literal's `evaluate` may read `MODEL.params.rate`, which a
   * cell can set), the models it may call, the tables it may read.
   */
  #nameOf(model) {
    const name = this.#models.get(model);
    if (name === void 0) return void 0;
    return this.#exported?.every(({ namespace, state }) => unchanged(namespace, state)) === true ? name : void 0;
  }
  #file(name, key, outside) {
    return (0, import_node_path6.join)(this.dir, `${sha256([FORMAT, (0, import_node_os.endianness)(), this.bundleHash, name, key, outside].join("\n"))}.bin`);
  }
};
function unchanged(value, was) {
  const now = stateOf(value);
  return now !== void 0 && now.data === was.data && now.functions.length === was.functions.length && now.functions.every((fn, i) => fn === was.functions[i]);
}
function stateOf(value) {
  const functions = [];
  try {
    const data = JSON.stringify(value, (_key, field) => typeof field === "function" ? `\u0192${functions.push(field)}` : field);
    return { data, functions };
  } catch {
    return void 0;
  }
}
function isModel(value) {
  if (typeof value !== "object" || value === null) return false;
  const { ids, evaluate } = value;
  return typeof evaluate === "function" && typeof ids === "object" && ids !== null && Object.values(ids).every((id) => typeof id === "string");
}

// src/notebook/run-claims.ts
var import_node_worker_threads = require("node:worker_threads");
var SLOTS = 4096;
var PROBES = 16;
var FREE = 0;
var DONE = -1;
var MAX_WAIT_MS = 10 * 6e4;
var RunClaims = class {
  #words;
  /** The state that says this thread computes a run (`ownerOf`). */
  #owner;
  constructor(buffer, thread = import_node_worker_threads.threadId) {
    this.#words = new Int32Array(buffer);
    this.#owner = ownerOf(thread);
  }
  /**
   * Claims the run kept in `file` (a sha256-named file: its name is the tag). While another thread
   * computes it, waits for it (unless `mayWait` is false: the caller holds a claim of its own).
   */
  claim(file, mayWait) {
    const slot = this.#slotOf(tagOf(file));
    if (slot === void 0) return "unclaimed";
    const state = 2 * slot + 1;
    for (const started = Date.now(); ; ) {
      const now = Atomics.load(this.#words, state);
      if (now === FREE || now === DONE || now === this.#owner) {
        if (Atomics.compareExchange(this.#words, state, now, this.#owner) === now) return "mine";
        continue;
      }
      if (!mayWait) return "unclaimed";
      const left = MAX_WAIT_MS - (Date.now() - started);
      if (left <= 0) return "unclaimed";
      if (Atomics.wait(this.#words, state, now, Math.min(left, 1e3)) !== "timed-out" && Atomics.load(this.#words, state) !== now) return "finished";
    }
  }
  /** Ends this thread's claim on `file`: a thread waiting for it reads the file (or, if it was not kept, claims it). */
  release(file) {
    const slot = this.#slotOf(tagOf(file), false);
    if (slot === void 0) return;
    const state = 2 * slot + 1;
    if (Atomics.compareExchange(this.#words, state, this.#owner, DONE) === this.#owner) Atomics.notify(this.#words, state);
  }
  /** The slot of `tag`: found, or taken if `take` and one is free within reach; undefined otherwise. */
  #slotOf(tag, take = true) {
    const home = tag % SLOTS;
    for (let probe = 0; probe < PROBES; probe++) {
      const slot = (home + probe) % SLOTS;
      const held = Atomics.load(this.#words, 2 * slot);
      if (held === tag) return slot;
      if (held !== FREE) continue;
      if (!take) return void 0;
      const was = Atomics.compareExchange(this.#words, 2 * slot, FREE, tag);
      if (was === FREE || was === tag) return slot;
    }
    return void 0;
  }
};
var ownerOf = (thread) => thread + 1;
function tagOf(file) {
  const name = /([0-9a-f]{8})[0-9a-f]*\.bin$/.exec(file)?.[1];
  const bits = name === void 0 ? hashText(file) : Number.parseInt(name, 16) & 2147483647;
  return bits === 0 ? 1 : bits;
}
function hashText(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash, 31) + text.charCodeAt(i) & 2147483647;
  return hash;
}

// src/notebook/realm.ts
var import_node_console = require("node:console");
var import_node_module2 = require("node:module");
var import_node_path10 = require("node:path");
var import_node_stream = require("node:stream");
var import_node_vm = __toESM(require("node:vm"), 1);

// src/notebook/cells.ts
var RUNTIME_GLOBAL = "__fragtax";

// src/notebook/imports.ts
init_location();

// src/notebook/module-suggest.ts
init_suggest();
init_control();

// src/notebook/imports.ts
var ENTRY_NAME = "fragtax-imports.js";
var BUNDLE_WRAPPER_PREFIX = "(function (module, exports, require) {";
var PUBLIC_ENTRIES = {
  "dist/api.js": "src/api/index.ts",
  "dist/model.js": "src/model/index.ts",
  "dist/fragmentation-tax.js": "src/fragmentation-tax/index.ts"
};
var ENGINE_ENTRIES = {
  ...PUBLIC_ENTRIES,
  "dist/api.js": "src/api/engine.ts"
};

// src/notebook/notebook-files.ts
var import_node_fs8 = __toESM(require("node:fs"), 1);
var import_node_module = __toESM(require("node:module"), 1);
var import_node_path8 = __toESM(require("node:path"), 1);
var import_node_url2 = require("node:url");
var import_node_util2 = require("node:util");
init_hash();

// src/notebook/required-files.ts
var import_node_path7 = __toESM(require("node:path"), 1);
var import_node_url = require("node:url");
var loaded = /* @__PURE__ */ new Map();
function forgetRequiredFiles() {
  for (const [file, cache] of loaded) delete cache[file];
  loaded.clear();
}
function requireRecording(folder, onFile) {
  const inPackage = (file) => import_node_path7.default.relative(folder, file).split(/[\\/]/).includes("node_modules");
  let depth = 0;
  return (base, from, id) => {
    const handlers = base.extensions ?? {};
    const originals = depth === 0 ? Object.entries(handlers) : [];
    for (const [extension, handler] of originals) {
      handlers[extension] = function(module2, filename) {
        if (!inPackage(filename)) {
          loaded.set(filename, base.cache);
          onFile(filename);
        }
        return Reflect.apply(handler, this, [module2, filename]);
      };
    }
    depth++;
    try {
      return base(id);
    } catch (error) {
      if (error.code === "MODULE_NOT_FOUND") {
        for (const file of missingFiles(from, id, Object.keys(handlers))) if (!inPackage(file)) onFile(file);
      }
      throw error;
    } finally {
      depth--;
      for (const [extension, handler] of originals) handlers[extension] = handler;
    }
  };
}
function missingFiles(from, id, extensions) {
  if (!(import_node_path7.default.isAbsolute(id) || id === "." || id === ".." || /^\.\.?[\\/]/.test(id))) return [];
  const start = from instanceof URL || from.startsWith("file:") ? (0, import_node_url.fileURLToPath)(from) : from;
  const folder = /[\\/]$/.test(start) ? start : import_node_path7.default.dirname(start);
  const file = import_node_path7.default.resolve(folder, id);
  return [file, ...extensions.map((extension) => `${file}${extension}`)];
}

// src/notebook/notebook-env.ts
init_hash();

// src/util/order.ts
function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byEntryKey(a, b) {
  return byCodeUnits(a[0], b[0]);
}

// src/notebook/notebook-env.ts
function trackedEnv(env) {
  const values = /* @__PURE__ */ new Map();
  const written = /* @__PURE__ */ new Map();
  let names;
  const read = (key) => {
    if (typeof key !== "string" || values.has(key) || written.has(key)) return;
    values.set(key, envStamp(env[key]));
  };
  const write = (key) => {
    if (typeof key === "string" && !written.has(key)) written.set(key, Object.prototype.hasOwnProperty.call(env, key));
  };
  const proxy = new Proxy(env, {
    get: (target, key) => (read(key), Reflect.get(target, key)),
    has: (target, key) => (read(key), Reflect.has(target, key)),
    // Not a read of the value: Object.keys asks for every variable's descriptor (to see it is
    // enumerable) and reads only the names, recorded by ownKeys. Recording each value here made a
    // cell that counted its MYAPP_ variables re-run when OLDPWD changed with a `cd`.
    getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(target, key),
    ownKeys: (target) => {
      const keys = Reflect.ownKeys(target);
      if (names === void 0) {
        const given = new Set(keys.filter((key) => typeof key === "string"));
        for (const [key, before] of written) void (before ? given.add(key) : given.delete(key));
        names = [...given].sort();
      }
      return keys;
    },
    set: (target, key, value) => (write(key), Reflect.set(target, key, value)),
    deleteProperty: (target, key) => (write(key), Reflect.deleteProperty(target, key)),
    defineProperty: (target, key, descriptor) => (write(key), Reflect.defineProperty(target, key, descriptor))
  });
  const sorted = () => Object.fromEntries([...values].sort(byEntryKey));
  return { env: proxy, reads: () => ({ values: sorted(), ...names !== void 0 && { names: [...names] } }) };
}

// src/notebook/notebook-files.ts
var FIRST_PATH = [
  "access",
  "appendFile",
  "chmod",
  "chown",
  "createReadStream",
  "createWriteStream",
  "exists",
  "lchmod",
  "lchown",
  "lstat",
  "lutimes",
  "mkdir",
  "mkdtemp",
  "open",
  "openAsBlob",
  "opendir",
  "readdir",
  "readFile",
  "readlink",
  "realpath",
  "rm",
  "rmdir",
  "stat",
  "statfs",
  "truncate",
  "unlink",
  "utimes",
  "watch",
  "watchFile",
  "unwatchFile",
  "writeFile"
];
var TWO_PATHS = ["copyFile", "cp", "link", "rename"];
var SPAWNS = ["exec", "execSync", "execFile", "execFileSync", "fork", "spawn", "spawnSync"];
var READS = /* @__PURE__ */ new Set(["readFile", "createReadStream", "open", "openAsBlob", "copyFile", "cp", "exists", "access", "stat", "lstat"]);
var REPLACES = /* @__PURE__ */ new Set(["writeFile", "open", "rm", "rmdir", "unlink", "mkdir", "mkdtemp"]);
var LISTINGS = /* @__PURE__ */ new Set(["readdir", "opendir"]);
var hashing = 0;
function whileHashing(work) {
  hashing++;
  try {
    return work();
  } finally {
    hashing--;
  }
}
function notebookFiles(folder, onRead, environment = globalThis.process.env) {
  const seen = /* @__PURE__ */ new Set();
  const made = /* @__PURE__ */ new Set();
  const replaced = (file) => void made.add(import_node_path8.default.resolve(folder, file));
  const isReplaced = (file) => [...made].some((root) => file === root || file.startsWith(root.endsWith(import_node_path8.default.sep) ? root : `${root}${import_node_path8.default.sep}`));
  const here = (p) => {
    if (typeof p === "string") return import_node_path8.default.isAbsolute(p) ? p : import_node_path8.default.resolve(folder, p);
    if (Buffer.isBuffer(p)) return import_node_path8.default.isAbsolute(p.toString()) ? p : Buffer.from(import_node_path8.default.resolve(folder, p.toString()));
    return p;
  };
  const record = (name, args) => {
    const base = name.replace(/Sync$/, "");
    const listing = LISTINGS.has(base) ? isRecordLike(args[1]) && Boolean(args[1].recursive) ? "tree" : "folder" : void 0;
    if (listing === void 0 && !READS.has(base)) return;
    if (base === "open" && !opensForReading(args[1])) return;
    const named = pathOf(args[0]);
    const file = named === void 0 ? void 0 : import_node_path8.default.resolve(folder, named);
    const key = `${listing ?? "file"}:${file}`;
    if (file === void 0 || seen.has(key) || isReplaced(file)) return;
    seen.add(key);
    if (listing !== void 0) {
      onRead({ path: file, sha256: whileHashing(() => sha256OfListing(file, listing === "tree")) ?? "", listing });
      return;
    }
    const stamp = whileHashing(() => contentStamp(file));
    onRead({ path: file, sha256: stamp });
    if (base === "cp" && stamp === FOLDER_STAMP) {
      onRead({ path: file, sha256: whileHashing(() => sha256OfListing(file, true)) ?? "", listing: "tree" });
      for (const inner of whileHashing(() => filesBelow(file))) record("readFile", [inner]);
    }
  };
  const wrapAll = (module2, sync) => {
    const wrapped = Object.defineProperties({}, Object.getOwnPropertyDescriptors(module2));
    const wrap = (name, paths2) => {
      const original = module2[name];
      if (typeof original !== "function") return;
      const replacement = function(...args) {
        for (let i = 0; i < paths2 && i < args.length; i++) args[i] = here(args[i]);
        record(name, args);
        const makes = makesAnew(name, args);
        if (makes === void 0) return Reflect.apply(original, this, args);
        const done = (result2) => void (name.startsWith("mkdtemp") ? typeof result2 === "string" && replaced(result2) : makes.forEach(replaced));
        const last = args.length - 1;
        if (!name.endsWith("Sync") && typeof args[last] === "function") {
          const callback = args[last];
          args[last] = function(error, ...results) {
            if (error === null || error === void 0) done(results[0]);
            return Reflect.apply(callback, this, [error, ...results]);
          };
          return Reflect.apply(original, this, args);
        }
        const result = Reflect.apply(original, this, args);
        if (result instanceof Promise) return result.then((value) => (done(value), value));
        done(result);
        return result;
      };
      const { [import_node_util2.promisify.custom]: custom, ...own } = Object.getOwnPropertyDescriptors(original);
      Object.defineProperties(replacement, own);
      if (custom !== void 0) Object.defineProperty(replacement, import_node_util2.promisify.custom, { value: (p) => new Promise((resolve4) => replacement(p, resolve4)), configurable: true });
      wrapped[name] = replacement;
    };
    for (const name of FIRST_PATH) {
      wrap(name, 1);
      if (sync) wrap(`${name}Sync`, 1);
    }
    for (const name of TWO_PATHS) {
      wrap(name, 2);
      if (sync) wrap(`${name}Sync`, 2);
    }
    for (const name of sync ? ["symlink", "symlinkSync"] : ["symlink"]) wrapSecond(wrapped, module2, name, here);
    return wrapped;
  };
  const promises = wrapAll(import_node_fs8.default.promises, false);
  const files = wrapAll(import_node_fs8.default, true);
  Object.defineProperty(files, "promises", { value: promises, enumerable: true, configurable: true, writable: true });
  files.ReadStream = streamClass(import_node_fs8.default.ReadStream, (p) => here(p), (p) => record("createReadStream", [p]));
  files.WriteStream = streamClass(import_node_fs8.default.WriteStream, (p) => here(p), () => void 0);
  const paths = notebookPath(folder);
  const cwd = () => folder;
  const env = trackedEnv(environment);
  const process2 = new Proxy(globalThis.process, {
    get: (target, key) => key === "cwd" ? cwd : key === "env" ? env.env : Reflect.get(target, key, target)
  });
  let children;
  const startHere = () => children ??= startingHere(folder);
  const modules = new OwnModules(
    [
      ["fs", files],
      ["node:fs", files],
      ["fs/promises", promises],
      ["node:fs/promises", promises],
      ["path", paths],
      ["node:path", paths],
      ["path/posix", paths.posix],
      ["node:path/posix", paths.posix],
      ["process", process2],
      ["node:process", process2]
    ],
    [["child_process", startHere], ["node:child_process", startHere]]
  );
  forgetRequiredFiles();
  const load = requireRecording(folder, (file) => record("readFile", [file]));
  const wrapRequire = (base, from) => Object.assign((id) => modules.has(id) ? modules.get(id) : load(base, from, id), {
    resolve: base.resolve,
    cache: base.cache,
    extensions: base.extensions,
    main: base.main
  });
  const ownModule = Object.assign(Object.create(import_node_module.default), {
    createRequire: (from) => wrapRequire(import_node_module.default.createRequire(from), from)
  });
  modules.set("module", ownModule);
  modules.set("node:module", ownModule);
  return { modules, process: process2, wrapRequire, replaced, isReplaced, envReads: env.reads };
}
function makesAnew(name, args) {
  const base = name.replace(/Sync$/, "");
  if (!REPLACES.has(base)) return void 0;
  const options = args[1];
  const flag = typeof options === "string" ? options : isRecordLike(options) ? String(options.flag ?? "") : "";
  if (base === "writeFile" && (flag.includes("a") || flag.startsWith("r"))) return void 0;
  if (base === "open" && !/^w/.test(typeof args[1] === "string" ? args[1] : "")) return void 0;
  if (base === "mkdtemp") return [];
  const path3 = pathOf(args[0]);
  if (path3 === void 0 || base === "mkdir" && whileHashing(() => import_node_fs8.default.existsSync(path3))) return void 0;
  return [path3];
}
var OwnModules = class extends Map {
  #later;
  constructor(now, later) {
    super(now);
    this.#later = new Map(later);
  }
  has(specifier) {
    return super.has(specifier) || this.#later.has(specifier);
  }
  get(specifier) {
    const make = this.#later.get(specifier);
    if (make !== void 0 && !super.has(specifier)) super.set(specifier, make());
    return super.get(specifier);
  }
};
function startingHere(folder) {
  const childProcess = import_node_module.default.createRequire(__fragtaxFileUrl)("node:child_process");
  const own = Object.defineProperties({}, Object.getOwnPropertyDescriptors(childProcess));
  const withCwd = (args) => {
    const at2 = Array.isArray(args[1]) ? 2 : 1;
    const options = args[at2];
    if (typeof options === "object" && options !== null) {
      if (options.cwd === void 0) args[at2] = { ...options, cwd: folder };
    } else if (options === void 0 || options === null || typeof options === "function") {
      args.splice(at2, options === void 0 || options === null ? 1 : 0, { cwd: folder });
    }
    return args;
  };
  for (const name of SPAWNS) {
    const original = childProcess[name];
    const replacement = (...args) => Reflect.apply(original, childProcess, withCwd(args));
    const { [import_node_util2.promisify.custom]: custom, ...descriptors } = Object.getOwnPropertyDescriptors(original);
    Object.defineProperties(replacement, descriptors);
    const promised = custom?.value;
    if (promised !== void 0) Object.defineProperty(replacement, import_node_util2.promisify.custom, { value: (...args) => Reflect.apply(promised, childProcess, withCwd(args)), configurable: true });
    own[name] = replacement;
  }
  return own;
}
function pathOf(target) {
  if (typeof target === "string" || Buffer.isBuffer(target)) return target.toString();
  return target instanceof URL && target.protocol === "file:" ? (0, import_node_url2.fileURLToPath)(target) : void 0;
}
var isRecordLike = (value) => typeof value === "object" && value !== null;
function filesBelow(folder) {
  try {
    return import_node_fs8.default.readdirSync(folder, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => import_node_path8.default.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
function opensForReading(flags) {
  if (flags === void 0 || flags === null) return true;
  if (typeof flags === "string") return flags.includes("r") || flags.includes("+");
  return typeof flags !== "number" || (flags & 3) !== import_node_fs8.default.constants.O_WRONLY;
}
function streamClass(Base, here, read) {
  const Wrapped = function(...args) {
    if (args.length > 0) args[0] = here(args[0]);
    read(args[0]);
    return Reflect.construct(Base, args, new.target ?? Wrapped);
  };
  Object.setPrototypeOf(Wrapped, Base);
  Wrapped.prototype = Base.prototype;
  return Wrapped;
}
function wrapSecond(wrapped, module2, name, here) {
  const original = module2[name];
  if (typeof original !== "function") return;
  wrapped[name] = function(...args) {
    if (args.length > 1) args[1] = here(args[1]);
    return Reflect.apply(original, this, args);
  };
}
function notebookPath(folder) {
  const resolveHere = (...segments) => import_node_path8.default.resolve(folder, ...segments);
  const own = { ...import_node_path8.default, resolve: resolveHere, relative: (from, to) => import_node_path8.default.relative(resolveHere(from), resolveHere(to)) };
  return Object.assign(own, { posix: import_node_path8.default.posix === import_node_path8.default ? own : import_node_path8.default.posix, win32: import_node_path8.default.win32 });
}

// src/util/seeded-random.ts
var import_node_path9 = require("node:path");
init_hash();
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function seedFor(text) {
  return sha256Bytes(text).readUInt32LE(0);
}
function seedMathRandom(math, notebookFile) {
  math.random = seededRandom(seedFor((0, import_node_path9.basename)(notebookFile)));
}

// src/notebook/realm.ts
var HOST_GLOBALS = [
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "queueMicrotask",
  "structuredClone",
  "Buffer",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "AbortController",
  "AbortSignal",
  "fetch",
  "Headers",
  "Request",
  "Response",
  "performance",
  "atob",
  "btoa",
  "crypto",
  "Blob"
];
function createRealm(options) {
  const files = notebookFiles((0, import_node_path10.dirname)(options.notebookFile), options.onFileRead);
  const hostRequire = files.wrapRequire((0, import_node_module2.createRequire)(options.notebookFile), options.notebookFile);
  const loaders = /* @__PURE__ */ new Map();
  const modules = /* @__PURE__ */ new Map();
  const cellModules = /* @__PURE__ */ new Map();
  let keptRuns;
  const runtime = {
    /** `import("m")`: the same namespace a static import gets, as a promise. */
    dynamic(specifier) {
      return new Promise((resolve4) => resolve4(runtime.imp(specifier)));
    },
    define(specifier, getters) {
      const namespace = /* @__PURE__ */ Object.create(null);
      for (const [name, get] of Object.entries(getters)) Object.defineProperty(namespace, name, { get, enumerable: true });
      Object.defineProperty(namespace, Symbol.toStringTag, { value: "Module" });
      cellModules.set(specifier, namespace);
    },
    declare(names) {
      for (const name of names) if (!Object.prototype.hasOwnProperty.call(sandbox, name)) sandbox[name] = void 0;
    },
    set(name, value) {
      sandbox[name] = value;
    },
    /** A cell's boxed value with its text as it is now (transpile.ts: a cell without top-level await). */
    shown(box) {
      return [box[0], inspectValue(box[0])];
    },
    imp(specifier) {
      if (specifier === "tslab") return options.tslab;
      const defined = cellModules.get(specifier);
      if (defined !== void 0) return defined;
      if (!modules.has(specifier)) {
        const load = loaders.get(specifier);
        if (load === void 0) throw new Error(moduleNotBundled(specifier));
        const namespace = asNamespace(load());
        modules.set(specifier, namespace);
        keptRuns?.register(specifier, namespace);
      }
      return modules.get(specifier);
    }
  };
  const context = newContext(options.notebookFile);
  const sandbox = context;
  sandbox.console = new import_node_console.Console({ stdout: sinkStream(options.stdout), stderr: sinkStream(options.stderr) });
  sandbox.require = hostRequire;
  sandbox.process = files.process;
  sandbox[RUNTIME_GLOBAL] = runtime;
  for (const name of HOST_GLOBALS) lazyGlobal(sandbox, name);
  seedMathRandom(sandbox.Math, options.notebookFile);
  return {
    loadImports(bundleCode, modelRuns, compiled) {
      keptRuns = modelRuns;
      if (modelRuns !== void 0) Object.defineProperty(sandbox, MODEL_RUNS, { value: modelRuns });
      const source = `${BUNDLE_WRAPPER_PREFIX}${bundleCode}
})`;
      const script = compiled === void 0 ? new import_node_vm.default.Script(source, { filename: ENTRY_NAME }) : compiled.compile(source, ENTRY_NAME);
      const wrapper = script.runInContext(context);
      const module2 = { exports: {} };
      wrapper(module2, module2.exports, hostRequire);
      for (const [specifier, load] of Object.entries(module2.exports)) loaders.set(specifier, load);
    },
    runCell(code, filename) {
      return Promise.resolve(new import_node_vm.default.Script(code, { filename }).runInContext(context));
    },
    envReads: files.envReads
  };
}
function newContext(name) {
  const dontContextify = import_node_vm.default.constants?.DONT_CONTEXTIFY;
  return dontContextify === void 0 ? import_node_vm.default.createContext({}, { name }) : import_node_vm.default.createContext(dontContextify, { name });
}
function lazyGlobal(sandbox, name) {
  const settle = (value) => {
    Object.defineProperty(sandbox, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(sandbox, name, {
    enumerable: true,
    configurable: true,
    get: () => settle(globalThis[name]),
    set: settle
  });
}
function asNamespace(loaded2) {
  const isObject = (typeof loaded2 === "object" || typeof loaded2 === "function") && loaded2 !== null;
  if (isObject && loaded2.__esModule === true) return loaded2;
  const named = isObject ? loaded2 : {};
  return { ...named, default: loaded2 };
}
function sinkStream(write) {
  return new import_node_stream.Writable({
    decodeStrings: false,
    write(chunk, _encoding, callback) {
      write(typeof chunk === "string" ? chunk : String(chunk));
      callback();
    }
  });
}

// src/notebook/recording.ts
function recordingContext(assumptions, montecarlo, ledgerKey, notebook, currentCell, post2) {
  const stamp = (record) => ({ ...plain(record), notebook, cell: currentCell() });
  return {
    assumptions,
    montecarlo,
    ledgerKey,
    recordFigure(figure) {
      const record = stamp(figure);
      post2({ type: "figure", record });
      return record;
    },
    recordClaim(claim) {
      const record = stamp(claim);
      post2({ type: "claim", record });
      return record;
    }
  };
}
function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

// src/notebook/tslab-shim.ts
var import_node_crypto3 = require("node:crypto");

// src/notebook/run-context.ts
init_defaults();
init_plain_file();

// src/api/context.ts
var RUN_CONTEXT = /* @__PURE__ */ Symbol.for("fragtax.run-context");

// src/notebook/tslab-shim.ts
function createTslabShim(sink, versions, context) {
  const shim = {
    display: makeDisplay(sink, void 0),
    newDisplay: () => makeDisplay(sink, (0, import_node_crypto3.randomBytes)(8).toString("hex")),
    versions: Object.freeze({ ...versions })
  };
  if (context !== void 0) Object.defineProperty(shim, RUN_CONTEXT, { value: context, enumerable: false });
  return Object.freeze(shim);
}
function makeDisplay(sink, id) {
  let shown2 = false;
  const raw = (contentType, b) => {
    const update = id !== void 0 && shown2;
    shown2 = true;
    sink.display({ [contentType]: encode2(b) }, id, update);
  };
  const text = (mime) => (s) => raw(mime, s);
  const binary = (mime) => (b) => raw(mime, b);
  return {
    javascript: text("text/javascript"),
    html: text("text/html"),
    markdown: text("text/markdown"),
    latex: text("text/latex"),
    svg: text("image/svg+xml"),
    png: binary("image/png"),
    jpeg: binary("image/jpeg"),
    gif: binary("image/gif"),
    pdf: binary("application/pdf"),
    text: text("text/plain"),
    raw
  };
}
function encode2(b) {
  if (b instanceof Uint8Array || ArrayBuffer.isView(b)) {
    const view = b;
    return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString("base64");
  }
  if (typeof b === "string" || b === void 0) return b;
  return JSON.parse(JSON.stringify(b));
}

// src/util/code-cache.ts
var import_node_fs9 = require("node:fs");
var import_node_path11 = require("node:path");
var import_node_v8 = require("node:v8");
var import_node_vm2 = require("node:vm");
init_hash();

// src/util/tool-cache.ts
init_paths();
function writeToolCache(file, contents) {
  try {
    writeFileAtomicSync(file, contents);
    return true;
  } catch {
    return false;
  }
}

// src/util/code-cache.ts
function scriptCache(cacheDir, name) {
  let pending;
  return {
    compile(source, filename) {
      const { cacheFile, cachedData: stored } = cacheEntry(cacheDir, name, source);
      const { cachedData } = readHeader2(stored);
      const script = new import_node_vm2.Script(source, { filename, ...cachedData && { cachedData } });
      pending = cachedData !== void 0 && script.cachedDataRejected !== true ? void 0 : () => {
        removeOlder(cacheDir, name);
        writeToolCache(cacheFile, withHeader(script.createCachedData()));
      };
      return script;
    },
    keep() {
      pending?.();
      pending = void 0;
    }
  };
}
var MAGIC = Buffer.from("ftc1");
var HEADER_BYTES = 8;
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1e3);
}
function withHeader(data) {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeUInt32LE(Math.min(cpuMs(), 4294967295), MAGIC.length);
  return Buffer.concat([header, data]);
}
function readHeader2(stored) {
  if (stored === void 0) return { cachedData: void 0, madeAfterMs: 0 };
  if (stored.length < HEADER_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return { cachedData: stored, madeAfterMs: 0 };
  return { cachedData: stored.subarray(HEADER_BYTES), madeAfterMs: stored.readUInt32LE(MAGIC.length) };
}
function cacheEntry(cacheDir, name, content) {
  const key = sha256Stream();
  key.update(content);
  key.update(`\0${process.version}\0${process.arch}`);
  const cacheFile = (0, import_node_path11.join)(cacheDir, `${flavoured(name)}-${key.hex().slice(0, 24)}.bin`);
  try {
    return { cacheFile, cachedData: (0, import_node_fs9.readFileSync)(cacheFile) };
  } catch {
    return { cacheFile, cachedData: void 0 };
  }
}
function flavoured(name) {
  return `${name}-${(0, import_node_v8.cachedDataVersionTag)().toString(36)}`;
}
var STALE_MS = 30 * 24 * 60 * 60 * 1e3;
function removeOlder(cacheDir, name) {
  let entries;
  try {
    entries = (0, import_node_fs9.readdirSync)(cacheDir);
  } catch {
    return;
  }
  const current = `${flavoured(name)}-`;
  const unflavoured = (entry) => entry.startsWith(`${name}-`) && /^[0-9a-f]{24}\.bin$/.test(entry.slice(name.length + 1));
  const staleBefore = Date.now() - STALE_MS;
  const stale = (entry) => {
    const temporary = isTemporarySibling(entry);
    if (!temporary && !entry.endsWith(".bin")) return false;
    try {
      const made = (0, import_node_fs9.statSync)((0, import_node_path11.join)(cacheDir, entry)).mtimeMs;
      return temporary ? abandonedTemporary(entry, made) : made < staleBefore;
    } catch {
      return false;
    }
  };
  for (const entry of entries) {
    if (!(entry.startsWith(current) && entry.endsWith(".bin")) && !unflavoured(entry) && !stale(entry)) continue;
    try {
      (0, import_node_fs9.rmSync)((0, import_node_path11.join)(cacheDir, entry), { force: true });
    } catch {
    }
  }
}

// src/notebook/worker.ts
init_hash();

// src/vocabulary/placeholders.ts
var PLACEHOLDER_FIELD = "fragtaxPlaceholder";

// src/notebook/worker.ts
var TASK_ID = threadTaskId();
var next = () => new Promise((resolve4) => import_node_worker_threads2.parentPort?.once("message", resolve4));
var post = (event) => import_node_worker_threads2.parentPort?.postMessage(event);
process.exit = ((code) => {
  throw Object.assign(new Error(cellCalledExit(code)), { name: "ProcessExitError" });
});
var realKill = process.kill.bind(process);
process.kill = ((pid, signal) => {
  if (pid === process.pid || pid === 0 || pid === -process.pid) throw Object.assign(new Error(cellSignalledItself(pid, signal)), { name: "ProcessExitError" });
  return realKill(pid, signal);
});
process.abort = (() => {
  throw Object.assign(new Error(cellCalledAbort()), { name: "ProcessExitError" });
});
var writeStream = () => void 0;
for (const name of ["stdout", "stderr"]) {
  process[name].write = ((chunk, encoding, callback) => {
    const done = typeof encoding === "function" ? encoding : callback;
    writeStream(name, typeof chunk === "string" ? chunk : Buffer.from(chunk).toString(typeof encoding === "string" ? encoding : "utf8"));
    if (done !== void 0) queueMicrotask(() => done());
    return true;
  });
}
var reportRejection = () => void 0;
process.on("unhandledRejection", (reason) => reportRejection(reason));
var failRunningCell = (error) => {
  throw error;
};
process.on("uncaughtException", (error) => failRunningCell(error));
var BELOW_MAIN = 5;
var lowered = false;
function yieldToMain() {
  if (process.platform !== "linux" || lowered) return;
  lowered = true;
  try {
    (0, import_node_os2.setPriority)(Math.min((0, import_node_os2.getPriority)() + BELOW_MAIN, 19));
  } catch {
  }
}
async function run(job, program) {
  if (job.yieldToMain === true) yieldToMain();
  const assumptions = await loadTrackedAssumptions(job.inputs, job.notebook);
  let current = 0;
  const context = recordingContext(assumptions, job.inputs.montecarlo, job.inputs.ledgerKey, job.notebook, () => current, post);
  const tslab = createTslabShim({ display: (data, displayId, update) => post({ type: "display", data, update, ...displayId ? { displayId } : {} }) }, job.versions, context);
  const filesRead = [];
  const realm = createRealm({
    notebookFile: job.notebookFile,
    onFileRead: (read) => filesRead.push(read),
    stdout: (text) => post({ type: "stream", name: "stdout", text }),
    stderr: (text) => post({ type: "stream", name: "stderr", text }),
    tslab
  });
  reportRejection = (reason) => {
    const thrown = describe(reason);
    failRunningCell(Object.assign(new Error(unhandledRejection(thrown.evalue)), { name: thrown.ename, stack: thrown.stack }));
  };
  writeStream = (name, text) => post({ type: "stream", name, text });
  const { cells, bundle, modelRuns, codeCache } = await program;
  const outside = () => JSON.stringify([filesRead, realm.envReads()]);
  const kept = modelRuns && new ModelRunFiles(modelRuns.dir, modelRuns.bundleHash, outside, modelRuns.claims && new RunClaims(modelRuns.claims));
  const compiled = codeCache === void 0 ? void 0 : scriptCache(codeCache, `imports-${sha256(job.notebookFile).slice(0, 12)}`);
  realm.loadImports(bundle, kept, compiled);
  const counts = () => {
    const refused = kept?.refused();
    return kept === void 0 ? {} : { modelRuns: kept.counts(), ...refused && { modelRunsRefused: refused } };
  };
  let late;
  try {
    await runCells();
  } finally {
    kept?.releaseClaims();
    compiled?.keep();
  }
  async function runCells() {
    for (const cell of cells) {
      current = cell.cell;
      post({ type: "cell-start", cell: cell.cell, ...TASK_ID !== void 0 && { tid: TASK_ID } });
      try {
        const running = new Promise((resolve4, reject) => {
          failRunningCell = (error) => {
            late ??= { error };
            reject(error);
          };
          realm.runCell(cell.code, cell.filename).then(resolve4, reject);
        });
        const result = await running;
        await new Promise((resolve4) => setImmediate(resolve4));
        if (cell === cells[cells.length - 1]) await new Promise((resolve4) => setTimeout(resolve4, 1));
        if (late !== void 0) throw late.error;
        const value = result === void 0 ? void 0 : result.length === 2 ? result[1] : inspectValue(result[0]);
        const shown2 = result !== void 0 && isShown(result[0]);
        post({ type: "cell-end", cell: cell.cell, reads: assumptions.readIds(), files: [...filesRead], env: realm.envReads(), ...counts(), ...value === void 0 ? {} : { value }, ...shown2 ? { shown: shown2 } : {} });
      } catch (error) {
        post({ type: "cell-end", cell: cell.cell, reads: assumptions.readIds(), files: [...filesRead], env: realm.envReads(), ...counts(), thrown: describe(error) });
        break;
      }
    }
  }
}
function describe(error) {
  const unreadable = [];
  const read = (field) => {
    try {
      return error[field];
    } catch (thrown) {
      unreadable.push(unreadableErrorField(field, brief(thrown)));
      return void 0;
    }
  };
  const native = () => {
    try {
      return import_node_util3.types.isNativeError(error) || error instanceof Error;
    } catch {
      return false;
    }
  };
  if (native()) {
    const [name, message, stack, id, placeholder] = [read("name"), read("message"), read("stack"), read("id"), read(PLACEHOLDER_FIELD)];
    const ename = typeof name === "string" ? name : "Error";
    const evalue = [typeof message === "string" ? message : "", ...unreadable].filter((part) => part !== "").join(" ");
    return {
      ename,
      evalue,
      stack: typeof stack === "string" ? stack : "",
      ...ename === UNKNOWN_ASSUMPTION && typeof id === "string" ? { about: id } : {},
      ...Number.isSafeInteger(placeholder) && placeholder >= 0 ? { placeholder } : {}
    };
  }
  return { ename: "Error", evalue: shown(error), stack: "", notAnError: true };
}
function brief(value) {
  try {
    if (import_node_util3.types.isNativeError(value)) return `${String(value.name)}: ${String(value.message)}`;
  } catch {
  }
  return shown(value).split("\n")[0] ?? "";
}
function shown(value) {
  try {
    return (0, import_node_util3.format)(value);
  } catch {
    return unshowableThrownValue();
  }
}
function adoptEnv(env) {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (value !== void 0 && process.env[name] !== value) process.env[name] = value;
}
function leftNothingBehind(env) {
  return process.getActiveResourcesInfo().every((kind) => kind === "MessagePort") && JSON.stringify(process.env) === env;
}
async function serve() {
  for (; ; ) {
    const job = await next();
    adoptEnv(job.env);
    const program = next();
    const env = JSON.stringify(process.env);
    try {
      await run(job, program);
    } catch (error) {
      const cell = (await program).cells[0]?.cell ?? 1;
      post({ type: "cell-start", cell });
      post({ type: "cell-end", cell, reads: [], thrown: describe(error) });
    }
    reportRejection = () => void 0;
    writeStream = () => void 0;
    failRunningCell = () => void 0;
    await new Promise((resolve4) => setImmediate(resolve4));
    post({ type: "done", reusable: leftNothingBehind(env) });
  }
}
void serve();
//# sourceMappingURL=notebook-worker.cjs.map

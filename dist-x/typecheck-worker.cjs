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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

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

// src/model/defaults.ts
var init_defaults = __esm({
  "src/model/defaults.ts"() {
    "use strict";
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
function offsetOf(text, line, column) {
  let start = 0;
  for (let current = 1; current < line; current += 1) {
    start = text.indexOf("\n", start) + 1;
    if (start === 0) return -1;
  }
  const end = text.indexOf("\n", start);
  const offset = start + column - 1;
  return offset < (end < 0 ? text.length : end) ? offset : -1;
}
var init_text_position = __esm({
  "src/util/text-position.ts"() {
    "use strict";
  }
});

// src/notebook/typecheck-worker.ts
var typecheck_worker_exports = {};
module.exports = __toCommonJS(typecheck_worker_exports);
var import_node_worker_threads = require("node:worker_threads");

// src/notebook/typecheck-program.ts
var import_node_fs8 = require("node:fs");
var import_node_path10 = require("node:path");

// src/notebook/imports.ts
var import_node_path2 = require("node:path");

// src/messages/notebook.ts
var notUnderRootDir = (outside, folder, entry) => `File '${outside}' is not under 'rootDir' '${folder}'. 'rootDir' is expected to contain all source files.
  tslab compiles a notebook's cells with rootDir set to the notebook's folder, so this import fails in JupyterLab: ` + (entry === void 0 ? "move the file into the notebook's folder, or import a built JavaScript module instead" : `import the built entry "${entry}" instead`);
var declareGlobalInCell = () => "a cell cannot declare globals (`declare global { \u2026 }`): tslab cannot compile such a cell either; declare them in a .d.ts file of the project, or give the value a type where it is used";
var missingImportHint = (name, specifier, typeOnly) => ` '${specifier}' exports it: add it to the notebook's import from that module, or write ${typeOnly ? "import type" : "import"} { ${name} } from "${specifier}";`;

// src/notebook/pragmas.ts
function cellPragmas(source) {
  const doc = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source)?.[1];
  if (doc === void 0) return { jsx: false, browser: false };
  const module2 = /@module\s+([A-Za-z0-9_$.-]+)/.exec(doc)?.[1];
  return { ...module2 === void 0 ? {} : { module: module2 }, jsx: /@jsx\b/.test(doc), browser: /@browser\b/.test(doc) };
}
function moduleSpecifier(name) {
  return `./${name}`;
}

// src/notebook/module-suggest.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
init_suggest();

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
function visibleInOneLine(text) {
  return visibleControls(text).replace(/[\n\r]/g, visible);
}

// src/notebook/module-suggest.ts
var CANNOT_FIND_MODULE = 2307;
function nearestModule(specifier, fromDir, alsoThere = []) {
  if (!/^\.\.?\//.test(specifier)) return /^[\w.-]+\//.test(specifier) ? [`./${specifier}`, `../${specifier}`].find((path) => isModule(path, fromDir, alsoThere)) : void 0;
  const up = `../${specifier.replace(/^\.\//, "")}`;
  return nearestBeside(specifier, fromDir, alsoThere) ?? (isModule(up, fromDir, alsoThere) ? up : void 0);
}
function isModule(specifier, fromDir, alsoThere) {
  const target = (0, import_node_path.resolve)(fromDir, specifier);
  return importedNames(listing((0, import_node_path.dirname)(target), alsoThere).files, (0, import_node_path.basename)(target)).includes((0, import_node_path.basename)(target));
}
function nearestBeside(specifier, fromDir, alsoThere) {
  const target = (0, import_node_path.resolve)(fromDir, specifier);
  const [folder, name] = [(0, import_node_path.dirname)(target), (0, import_node_path.basename)(target)];
  const inFolder = nearestFile(listing(folder, alsoThere).files, name);
  if (inFolder !== void 0) return `${specifier.slice(0, specifier.length - name.length)}${inFolder}`;
  const folderName = (0, import_node_path.basename)(folder);
  if (!specifier.endsWith(`${folderName}/${name}`)) return void 0;
  const nearFolder = plausibleName(folderName, listing((0, import_node_path.dirname)(folder), alsoThere).folders.filter((entry) => entry !== folderName));
  if (nearFolder === void 0) return void 0;
  const files = listing((0, import_node_path.resolve)((0, import_node_path.dirname)(folder), nearFolder), alsoThere).files;
  const file = files.includes(name) ? name : nearestFile(files, name);
  return file === void 0 ? void 0 : `${specifier.slice(0, specifier.length - folderName.length - 1 - name.length)}${nearFolder}/${file}`;
}
function nearestFile(files, name) {
  return plausibleName(name, importedNames(files, name).filter((entry) => entry !== name));
}
function importedNames(files, name) {
  const extension = /\.[^.]+$/.exec(name)?.[0] ?? "";
  const importedAs = (entry) => {
    const module2 = entry.replace(/\.d\.(m|c)?ts$/, (_, kind) => `.${kind ?? ""}js`);
    return extension === "" ? module2.replace(/\.(?:ts|tsx|mts|js|mjs|cjs)$/, "") : extension === ".js" ? module2.replace(/\.(?:ts|tsx|mts)$/, ".js") : module2;
  };
  return [...new Set(files.filter((entry) => !entry.endsWith(".map")).map(importedAs))];
}
function listing(folder, alsoThere) {
  const files = /* @__PURE__ */ new Set();
  const folders = /* @__PURE__ */ new Set();
  for (const entry of entries(folder)) (isFolder((0, import_node_path.resolve)(folder, entry)) ? folders : files).add(entry);
  for (const path of alsoThere) {
    if ((0, import_node_path.dirname)(path) === folder) files.add((0, import_node_path.basename)(path));
    if ((0, import_node_path.dirname)((0, import_node_path.dirname)(path)) === folder) folders.add((0, import_node_path.basename)((0, import_node_path.dirname)(path)));
  }
  return { files: [...files], folders: [...folders] };
}
function entries(folder) {
  try {
    return (0, import_node_fs.readdirSync)(folder);
  } catch {
    return [];
  }
}
function isFolder(path) {
  try {
    return (0, import_node_fs.statSync)(path).isDirectory();
  } catch {
    return false;
  }
}
function suggestModule(diagnostic, fromDir, alsoThere = []) {
  const meant = meantModule(diagnostic, fromDir, alsoThere);
  return meant === void 0 ? diagnostic : { ...diagnostic, message: `${diagnostic.message} Did you mean '${visibleInOneLine(meant)}'?` };
}
function meantModule(diagnostic, fromDir, alsoThere = []) {
  const specifier = unresolvedSpecifier(diagnostic);
  return specifier === void 0 ? void 0 : nearestModule(specifier, fromDir, alsoThere);
}
function unresolvedSpecifier(diagnostic) {
  return diagnostic.code === CANNOT_FIND_MODULE ? /^Cannot find module '([^']+)'/.exec(diagnostic.message)?.[1] : void 0;
}

// src/notebook/imports.ts
var PUBLIC_ENTRIES = {
  "dist/api.js": "src/api/index.ts",
  "dist/model.js": "src/model/index.ts",
  "dist/fragmentation-tax.js": "src/fragmentation-tax/index.ts"
};
var ENGINE_ENTRIES = {
  ...PUBLIC_ENTRIES,
  "dist/api.js": "src/api/engine.ts"
};
function publicEntryFiles(root) {
  return Object.keys(PUBLIC_ENTRIES).map((entry) => (0, import_node_path2.join)(root, entry));
}

// src/notebook/module-graph.ts
function reachable(importsOf, from, follow) {
  const found = [];
  const visited = /* @__PURE__ */ new Set();
  const queue = [...importsOf(from) ?? []];
  while (queue.length > 0) {
    const next = queue.shift();
    if (visited.has(next) || !follow(next)) continue;
    visited.add(next);
    found.push(next);
    queue.push(...importsOf(next) ?? []);
  }
  return found;
}

// src/util/paths.ts
var import_node_fs2 = require("node:fs");
var import_node_path3 = require("node:path");
var import_node_url = require("node:url");

// src/messages/fs.ts
var toolNotFound = (from) => `fragtax: templates/report.html not found above ${from}: reinstall fragtax (npm ci)`;

// src/util/paths.ts
function isInside(folder, path) {
  const rel = (0, import_node_path3.relative)(folder, path);
  return !rel.startsWith("..") && !(0, import_node_path3.isAbsolute)(rel);
}
function displayPath(absolute, root) {
  return isInside(root, absolute) ? (0, import_node_path3.relative)(root, absolute).split(import_node_path3.sep).join("/") : absolute;
}
function toolRoot() {
  let dir = (0, import_node_path3.dirname)((0, import_node_url.fileURLToPath)(__fragtaxFileUrl));
  for (; ; ) {
    if ((0, import_node_fs2.existsSync)((0, import_node_path3.join)(dir, "templates", "report.html"))) return dir;
    const parent = (0, import_node_path3.dirname)(dir);
    if (parent === dir) throw new Error(toolNotFound((0, import_node_url.fileURLToPath)(__fragtaxFileUrl)));
    dir = parent;
  }
}

// src/notebook/typescript-api.ts
var import_node_module2 = require("node:module");

// src/util/code-cache.ts
var import_node_fs5 = require("node:fs");
var import_node_module = require("node:module");
var import_node_path7 = require("node:path");
var import_node_v8 = require("node:v8");
var import_node_vm = require("node:vm");

// src/util/atomic.ts
var import_node_crypto = require("node:crypto");
var import_node_fs4 = require("node:fs");
var import_node_path5 = require("node:path");

// src/util/folders.ts
var import_node_fs3 = require("node:fs");
var import_node_path4 = require("node:path");
var isEnoent = (error) => error?.code === "ENOENT";
function firstMissing(path) {
  let missing = (0, import_node_path4.resolve)(path);
  while ((0, import_node_path4.dirname)(missing) !== missing && !(0, import_node_fs3.existsSync)((0, import_node_path4.dirname)(missing))) missing = (0, import_node_path4.dirname)(missing);
  return missing;
}
function makeFolderSync(path) {
  try {
    (0, import_node_fs3.mkdirSync)(path, { recursive: true });
  } catch (error) {
    if (!isEnoent(error)) throw error;
    (0, import_node_fs3.mkdirSync)(firstMissing(path));
    (0, import_node_fs3.mkdirSync)(path, { recursive: true });
  }
}

// src/util/atomic.ts
function temporarySibling(path) {
  return (0, import_node_path5.join)((0, import_node_path5.dirname)(path), `.${(0, import_node_path5.basename)(path)}.${process.pid}.${(0, import_node_crypto.randomBytes)(4).toString("hex")}.tmp`);
}
function isTemporarySibling(path) {
  return writerOfTemporary(path) !== void 0;
}
var ABANDONED_TEMPORARY_MS = 6e4;
function abandonedTemporary(path, mtimeMs, now = Date.now()) {
  return isTemporarySibling(path) && now - mtimeMs > ABANDONED_TEMPORARY_MS;
}
function writerOfTemporary(path) {
  const pid = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec((0, import_node_path5.basename)(path))?.[1];
  return pid === void 0 ? void 0 : Number(pid);
}
function writeFileAtomicSync(path, data) {
  makeFolderSync((0, import_node_path5.dirname)(path));
  const temporary = temporarySibling(path);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) (0, import_node_fs4.writeFileSync)(temporary, data);
    else writeChunksSync(temporary, data);
    (0, import_node_fs4.renameSync)(temporary, path);
  } catch (error) {
    (0, import_node_fs4.rmSync)(temporary, { force: true });
    throw error;
  }
}
function writeChunksSync(path, chunks) {
  const fd = (0, import_node_fs4.openSync)(path, "w");
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.byteLength; ) written += (0, import_node_fs4.writeSync)(fd, chunk, written, chunk.byteLength - written);
    }
  } finally {
    (0, import_node_fs4.closeSync)(fd);
  }
}

// src/util/hash.ts
var import_node_crypto2 = require("node:crypto");
function sha256(data) {
  return (0, import_node_crypto2.createHash)("sha256").update(data).digest("hex");
}
function sha256Stream() {
  const hash = (0, import_node_crypto2.createHash)("sha256");
  return {
    update: (part) => void hash.update(part),
    hex: () => hash.digest("hex")
  };
}

// src/util/tool-cache.ts
var import_node_path6 = require("node:path");
function toolCacheDir() {
  return (0, import_node_path6.join)(toolRoot(), "node_modules", ".cache", "fragtax");
}
function writeToolCache(file, contents) {
  try {
    writeFileAtomicSync(file, contents);
    return true;
  } catch {
    return false;
  }
}

// src/util/code-cache.ts
var HEAD = "(function (exports, require, module, __filename, __dirname) {\n";
var TAIL = "\n})";
var loaded = /* @__PURE__ */ new Map();
function requireWithCodeCache(file, cacheDir = (0, import_node_path7.join)(toolCacheDir(), "v8"), options = {}) {
  const known = loaded.get(file);
  if (known !== void 0) return known;
  const result = load(file, cacheDir, options);
  loaded.set(file, result);
  return result;
}
function load(file, cacheDir, options) {
  const bytes = (0, import_node_fs5.readFileSync)(file);
  const name = `${(0, import_node_path7.basename)(file)}${options.variant === void 0 ? "" : `.${options.variant}`}-${sha256(file).slice(0, 8)}`;
  const { cacheFile, cachedData: stored } = cacheEntry(cacheDir, name, bytes);
  const { cachedData, madeAfterMs } = readHeader(stored);
  const script = new import_node_vm.Script(`${HEAD}${bytes.toString("utf8")}${TAIL}`, { filename: file, lineOffset: -1, ...cachedData && { cachedData } });
  const module2 = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module2.exports, module2.exports, (0, import_node_module.createRequire)(file), module2, file, (0, import_node_path7.dirname)(file));
  module2.loaded = true;
  const used = cachedData !== void 0 && script.cachedDataRejected !== true;
  const keep = () => {
    const data = script.createCachedData();
    if (stored === void 0) removeOlder(cacheDir, name);
    return writeToolCache(cacheFile, withHeader(data));
  };
  if (used) {
    if (options.keep === "at-exit") keepAtExit(() => cpuMs() > madeAfterMs * GROWTH && keep());
    return { exports: module2.exports, cache: "used" };
  }
  if (options.keep === "at-exit") {
    keepAtExit(keep);
    return { exports: module2.exports, cache: "written at exit" };
  }
  return { exports: module2.exports, cache: keep() ? "written" : "not written" };
}
var AT_EXIT = /* @__PURE__ */ Symbol.for("fragtax.code-caches-at-exit");
function keepAtExit(keep) {
  const global = globalThis;
  if (global[AT_EXIT] === void 0) {
    global[AT_EXIT] = [];
    process.once("exit", keepCodeCachesNow);
  }
  global[AT_EXIT].push(keep);
}
function keepCodeCachesNow() {
  for (const keep of globalThis[AT_EXIT]?.splice(0) ?? []) keep();
}
var MAGIC = Buffer.from("ftc1");
var HEADER_BYTES = 8;
var GROWTH = 1.5;
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
function readHeader(stored) {
  if (stored === void 0) return { cachedData: void 0, madeAfterMs: 0 };
  if (stored.length < HEADER_BYTES || !stored.subarray(0, MAGIC.length).equals(MAGIC)) return { cachedData: stored, madeAfterMs: 0 };
  return { cachedData: stored.subarray(HEADER_BYTES), madeAfterMs: stored.readUInt32LE(MAGIC.length) };
}
function cacheEntry(cacheDir, name, content) {
  const key = sha256Stream();
  key.update(content);
  key.update(`\0${process.version}\0${process.arch}`);
  const cacheFile = (0, import_node_path7.join)(cacheDir, `${flavoured(name)}-${key.hex().slice(0, 24)}.bin`);
  try {
    return { cacheFile, cachedData: (0, import_node_fs5.readFileSync)(cacheFile) };
  } catch {
    return { cacheFile, cachedData: void 0 };
  }
}
function flavoured(name) {
  return `${name}-${(0, import_node_v8.cachedDataVersionTag)().toString(36)}`;
}
var STALE_MS = 30 * 24 * 60 * 60 * 1e3;
function removeOlder(cacheDir, name) {
  let entries2;
  try {
    entries2 = (0, import_node_fs5.readdirSync)(cacheDir);
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
      const made = (0, import_node_fs5.statSync)((0, import_node_path7.join)(cacheDir, entry)).mtimeMs;
      return temporary ? abandonedTemporary(entry, made) : made < staleBefore;
    } catch {
      return false;
    }
  };
  for (const entry of entries2) {
    if (!(entry.startsWith(current) && entry.endsWith(".bin")) && !unflavoured(entry) && !stale(entry)) continue;
    try {
      (0, import_node_fs5.rmSync)((0, import_node_path7.join)(cacheDir, entry), { force: true });
    } catch {
    }
  }
}

// src/notebook/typescript-api.ts
var loaded2;
function typescript() {
  return loaded2 ??= requireWithCodeCache((0, import_node_module2.createRequire)(__fragtaxFileUrl).resolve("typescript")).exports;
}

// src/notebook/typecheck-rules.ts
var import_node_path9 = require("node:path");
var import_node_url2 = require("node:url");
init_suggest();

// src/notebook/run-context.ts
var import_node_fs7 = require("node:fs");
var import_node_path8 = require("node:path");
init_defaults();

// src/util/plain-file.ts
var import_node_fs6 = require("node:fs");

// src/util/limits.ts
var MAX_TIMER_MS = 2 ** 31 - 1;
var MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1e3);

// src/util/plain-file.ts
var NON_BLOCKING_READ = import_node_fs6.constants.O_RDONLY | (import_node_fs6.constants.O_NONBLOCK ?? 0);

// src/notebook/run-context.ts
function findUp(from, name) {
  let dir = from;
  for (; ; ) {
    const candidate = (0, import_node_path8.join)(dir, name);
    if ((0, import_node_fs7.existsSync)(candidate)) return candidate;
    const parent = (0, import_node_path8.dirname)(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}

// src/notebook/oxc.ts
var import_node_module3 = require("node:module");
var oxc;
function oxcParser() {
  if (oxc !== void 0) return oxc;
  try {
    oxc = (0, import_node_module3.createRequire)(__fragtaxFileUrl)("oxc-parser");
  } catch {
    oxc = null;
  }
  return oxc;
}
function parseCell(source) {
  const parser = oxcParser();
  if (parser === null) return void 0;
  const parsed2 = parser.parseSync("cell.ts", source, { lang: "ts", sourceType: "module" });
  return parsed2.errors.length > 0 ? void 0 : parsed2.program;
}

// src/notebook/top-level-names.ts
function topLevelNames(source) {
  return topLevelNamesWithOxc(source) ?? topLevelNamesWithTypeScript(source);
}
function topLevelNamesWithOxc(source) {
  const program = parseCell(source);
  if (program === void 0) return void 0;
  const names = /* @__PURE__ */ new Map();
  for (const statement of program.body) declared(statement, names);
  return names;
}
function declared(statement, names) {
  switch (statement.type) {
    case "ImportDeclaration":
      for (const specifier of statement.specifiers) names.set(specifier.local.name, "other");
      return;
    // TypeScript's tree has no export statement around a declaration (`export` is a modifier).
    case "ExportNamedDeclaration":
      if (statement.declaration !== null) declaration(statement.declaration, names);
      return;
    case "ExportDefaultDeclaration":
      declaration(statement.declaration, names);
      return;
    default:
      declaration(statement, names);
  }
}
function declaration(node, names) {
  switch (node.type) {
    case "VariableDeclaration": {
      const kind = node.kind === "const" || node.kind === "await using" ? "const" : "mutable";
      for (const declarator of node.declarations) bind(declarator.id, kind, names);
      return;
    }
    case "FunctionDeclaration":
    case "TSDeclareFunction":
    case "ClassDeclaration":
    case "TSInterfaceDeclaration":
    case "TSTypeAliasDeclaration":
    case "TSEnumDeclaration":
      if (node.id !== null) names.set(node.id.name, "other");
      return;
    case "TSModuleDeclaration": {
      const name = moduleName(node.id);
      if (name !== void 0) names.set(name, "other");
      return;
    }
    default:
      return;
  }
}
function moduleName(id) {
  if (id.type === "TSQualifiedName") return moduleName(id.left);
  return id.type === "Identifier" ? id.name : void 0;
}
function bind(pattern, kind, names) {
  switch (pattern.type) {
    case "Identifier":
      names.set(pattern.name, kind);
      return;
    case "ObjectPattern":
      for (const property of pattern.properties) bind(property.type === "RestElement" ? property : property.value, kind, names);
      return;
    case "ArrayPattern":
      for (const element of pattern.elements) if (element !== null) bind(element, kind, names);
      return;
    case "RestElement":
      bind(pattern.argument, kind, names);
      return;
    case "AssignmentPattern":
      bind(pattern.left, kind, names);
      return;
    default:
      return;
  }
}
function topLevelNamesWithTypeScript(source) {
  const ts = typescript();
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = /* @__PURE__ */ new Map();
  const bindName = (name, kind) => {
    if (ts.isIdentifier(name)) names.set(name.text, kind);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindName(element.name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const kind = statement.declarationList.flags & ts.NodeFlags.Const ? "const" : "mutable";
      for (const declaration2 of statement.declarationList.declarations) bindName(declaration2.name, kind);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.set(clause.name.text, "other");
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.set(bindings.name.text, "other");
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.set(element.name.text, "other");
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && statement.name !== void 0 && ts.isIdentifier(statement.name)) {
      names.set(statement.name.text, "other");
    }
  }
  return names;
}

// src/notebook/typecheck-rules.ts
function cellModules(notebook, root) {
  const name = displayPath(notebook.file, root);
  const scope = /* @__PURE__ */ new Map();
  const modules = /* @__PURE__ */ new Map();
  return notebook.cells.flatMap(({ cell, source }) => {
    const pragmas = cellPragmas(source);
    if (pragmas.browser) return [];
    const path = cellPath(notebook.file, cell, pragmas.jsx);
    const seen = new Map(modules);
    const earlierNames = [...scope.keys()];
    if (pragmas.module !== void 0) {
      modules.set(moduleSpecifier(pragmas.module), path);
      return [{ notebook: name, cell, path, text: `
${source}
export {};
`, cellModules: seen, earlierNames: [] }];
    }
    const declared2 = topLevelNames(source);
    const header = headerFor(scope, declared2, referencedWords(source), notebook.file);
    for (const [declaredName, kind] of declared2) scope.set(declaredName, { cell, kind });
    return [{ notebook: name, cell, path, text: `${header}
${source}
export { ${[...declared2.keys()].join(", ")} };
`, cellModules: seen, earlierNames }];
  });
}
function suggestEarlierName(diagnostic, module2) {
  const missing = diagnostic.code === 2304 ? /^Cannot find name '([^']+)'\.$/.exec(diagnostic.message)?.[1] : void 0;
  const meant = missing === void 0 ? void 0 : plausibleName(missing, module2.earlierNames);
  return meant === void 0 ? diagnostic : { ...diagnostic, code: 2552, message: `Cannot find name '${missing}'. Did you mean '${meant}'?` };
}
var EXPORT_LINE_ERROR = /^(?:Cannot export|Export declaration conflicts with exported declaration of|Cannot redeclare exported variable) '([^']+)'/;
function placeInCell(diagnostic, module2) {
  const lines = module2.text.split("\n");
  const cellLines = lines.length - 3;
  if (diagnostic.cell === void 0 || diagnostic.line <= cellLines) return diagnostic;
  const source = lines.slice(1, 1 + cellLines).join("\n");
  const name = EXPORT_LINE_ERROR.exec(diagnostic.message)?.[1];
  const global = name === "global" ? /\bdeclare\s+(global)\b/.exec(source) : null;
  const found = global ?? (name === void 0 ? null : new RegExp(`(?<![\\w$])(${name.replace(/[$]/g, "\\$")})(?![\\w$])`).exec(source));
  const offset = found === null ? source.length : found.index + found[0].lastIndexOf(found[1] ?? "");
  const before = source.slice(0, offset).split("\n");
  const place = { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  return { ...diagnostic, ...place, ...global !== null && { message: declareGlobalInCell() } };
}
function cellPath(notebookFile, cell, jsx = false) {
  return `${notebookFile}.cell${cell}.${jsx ? "tsx" : "ts"}`;
}
function referencedWords(source) {
  return new Set(source.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu) ?? []);
}
function headerFor(scope, declared2, used, file) {
  const imports = /* @__PURE__ */ new Map();
  const lets = [];
  for (const name of used) {
    const from = scope.get(name);
    if (from === void 0 || declared2.has(name)) continue;
    const module2 = JSON.stringify(`./${(0, import_node_path9.basename)(cellPath(file, from.cell))}`);
    if (from.kind === "mutable") lets.push(`declare let ${name}: typeof import(${module2}).${name};`);
    else if (from.kind === "const") lets.push(`declare const ${name}: typeof import(${module2}).${name};`);
    else imports.set(from.cell, [...imports.get(from.cell) ?? [], name]);
  }
  const importLines = [...imports].map(([cell, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(`./${(0, import_node_path9.basename)(cellPath(file, cell))}`)};`);
  return [...importLines, ...lets].join(" ");
}
function packageFolder() {
  const packageJson = findUp((0, import_node_path9.dirname)((0, import_node_url2.fileURLToPath)(__fragtaxFileUrl)), "package.json");
  return (0, import_node_path9.dirname)(packageJson ?? ".");
}
function projectOptions(root) {
  const ts = typescript();
  const configFile = (0, import_node_path9.join)(root, "tsconfig.json");
  const base = findUp(root, "tsconfig.json") === configFile ? ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, root).options : { strict: true, target: ts.ScriptTarget.ES2022, lib: ["lib.es2023.d.ts"], types: ["node"], typeRoots: [(0, import_node_path9.join)(packageFolder(), "node_modules", "@types")] };
  return { ...base, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, isolatedModules: false, experimentalDecorators: true, jsx: ts.JsxEmit.React };
}

// src/notebook/typecheck-program.ts
function checkWithApi(notebooks, options) {
  const ts = typescript();
  const root = (0, import_node_path10.resolve)(options.root);
  const compilerOptions = projectOptions(root);
  const byNotebook = new Map(notebooks.map((notebook) => [notebook.file, cellModules(notebook, root)]));
  const virtual = new Map([...byNotebook.values()].flat().map((cell) => [cell.path, cell]));
  const resolved = /* @__PURE__ */ new Map();
  const host = createHost(compilerOptions, virtual, root, resolved);
  const program = ts.createProgram({ rootNames: [...options.extraFiles ?? [], ...virtual.keys()], options: compilerOptions, host });
  const entryTargets = new Set(Object.values(ENGINE_ENTRIES).map((target) => (0, import_node_path10.join)(root, target)));
  const isProjectFile = (file) => !virtual.has(file) && !file.endsWith(".d.ts") && !file.split(/[\\/]/).includes("node_modules");
  const locate2 = (diagnostic) => toDiagnostic(diagnostic, virtual, root);
  return {
    cellsOf: (file) => byNotebook.get(file) ?? [],
    errorsIn: (file) => {
      const source = program.getSourceFile(file);
      if (source === void 0) return [];
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].flatMap(locate2);
    },
    all: () => ts.getPreEmitDiagnostics(program).flatMap(locate2),
    projectClosure: (file, throughEntries) => reachable((next) => resolved.get(next), file, (next) => isProjectFile(next) && (throughEntries || !entryTargets.has(next)))
  };
}
var parsed = /* @__PURE__ */ new Map();
function createHost(options, virtual, root, resolved) {
  const ts = typescript();
  const host = ts.createCompilerHost(options, false);
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const tslab = (0, import_node_path10.join)(packageFolder(), "src", "notebook", "tslab.d.ts");
  const entries2 = new Map(Object.entries(ENGINE_ENTRIES).map(([from, to]) => [(0, import_node_path10.join)(root, from), (0, import_node_path10.join)(root, to)]));
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file)?.text ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError) => {
    const cell = virtual.get(file);
    if (cell) return ts.createSourceFile(file, cell.text, language, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const target = typeof language === "object" ? language.languageVersion : language;
    const stamp = fileStamp(file);
    const kept = parsed.get(file);
    if (kept !== void 0 && stamp !== void 0 && kept.stamp === stamp && kept.target === target) return kept.file;
    const fresh = getSourceFile.call(host, file, language, onError);
    if (fresh !== void 0 && stamp !== void 0) parsed.set(file, { stamp, target, file: fresh });
    return fresh;
  };
  host.resolveModuleNames = (names, containingFile) => {
    const modules = names.map((name) => {
      if (name === "tslab") return { resolvedFileName: tslab, extension: ts.Extension.Dts, isExternalLibraryImport: false };
      const cellModule = virtual.get(containingFile)?.cellModules.get(name);
      if (cellModule) return { resolvedFileName: cellModule, extension: cellModule.endsWith(".tsx") ? ts.Extension.Tsx : ts.Extension.Ts, isExternalLibraryImport: false };
      const entry = entries2.get((0, import_node_path10.resolve)((0, import_node_path10.dirname)(containingFile), name));
      if (entry) return { resolvedFileName: entry, extension: ts.Extension.Ts, isExternalLibraryImport: false };
      return ts.resolveModuleName(name, containingFile, options, host).resolvedModule;
    });
    resolved.set(containingFile, modules.flatMap((module2) => module2 ? [module2.resolvedFileName] : []));
    return modules;
  };
  return host;
}
function fileStamp(file) {
  try {
    const stat = (0, import_node_fs8.statSync)(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return void 0;
  }
}
function toDiagnostic(diagnostic, virtual, root) {
  const ts = typescript();
  if (diagnostic.category !== ts.DiagnosticCategory.Error) return [];
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file || diagnostic.start === void 0) return [{ file: "", line: 0, column: 0, code: diagnostic.code, message }];
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const cell = virtual.get(diagnostic.file.fileName);
  if (cell) return [{ file: cell.notebook, cell: cell.cell, line: Math.max(1, line), column: line === 0 ? 1 : character + 1, code: diagnostic.code, message }];
  return [{ file: displayPath(diagnostic.file.fileName, root), line: line + 1, column: character + 1, code: diagnostic.code, message }];
}

// src/notebook/typecheck-tsgo.ts
var import_node_child_process = require("node:child_process");
var import_node_fs9 = require("node:fs");
var import_node_module4 = require("node:module");
var import_node_os = require("node:os");
var import_node_path12 = require("node:path");
var import_node_url3 = require("node:url");

// src/config/paths.ts
var import_node_path11 = require("node:path");
function outPaths(root) {
  const out = (0, import_node_path11.join)((0, import_node_path11.resolve)(root), "out");
  const cache = (0, import_node_path11.join)(out, ".cache");
  return {
    build: (0, import_node_path11.join)(out, "build"),
    executed: (0, import_node_path11.join)(out, "build", "executed"),
    reports: (0, import_node_path11.join)(out, "reports"),
    cache,
    notebookCache: (0, import_node_path11.join)(cache, "notebooks"),
    chartCache: (0, import_node_path11.join)(cache, "charts"),
    engineCache: (0, import_node_path11.join)(cache, "engine")
  };
}

// src/util/order.ts
function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/notebook/typecheck-tsgo.ts
var ERROR_LINE = /^(.+)\((\d+),(\d+)\): error TS(\d+): (.*)$/;
var GLOBAL_ERROR = /^error TS(\d+): (.*)$/;
var CHAIN_LINE = /^((?: {2})+)(\S.*)$/;
var IMPORTED_BY = /^ {3}Imported via .* from file '(.+?)'(?: with packageId .*)?$/;
var CHECK_TIMEOUT_MS = 6e5;
var MAX_OUTPUT = 256 * 1024 * 1024;
function checkEnvironment(env, memory = (0, import_node_os.totalmem)()) {
  if (env.GOGC !== void 0 || env.GOMEMLIMIT !== void 0) return env;
  return { ...env, GOGC: "off", GOMEMLIMIT: String(Math.floor(Math.min(memory / 4, 2 ** 30))) };
}
function tsgoBinary() {
  const require2 = (0, import_node_module4.createRequire)((0, import_node_url3.fileURLToPath)(__fragtaxFileUrl));
  const name = `@typescript/native-preview-${process.platform}-${process.arch}`;
  try {
    const binary = (0, import_node_path12.join)((0, import_node_path12.dirname)(require2.resolve(`${name}/package.json`)), "lib", process.platform === "win32" ? "tsgo.exe" : "tsgo");
    return (0, import_node_fs9.existsSync)(binary) ? binary : void 0;
  } catch {
    return void 0;
  }
}
function checkWithTsgo(notebooks, options) {
  const check = prepareCheck(notebooks, options);
  if (check === void 0) return void 0;
  try {
    const { binary, args, options: spawnOptions } = check.command;
    return check.read((0, import_node_child_process.spawnSync)(binary, args, { ...spawnOptions, encoding: "utf8", maxBuffer: MAX_OUTPUT, timeout: CHECK_TIMEOUT_MS }));
  } finally {
    check.done();
  }
}
function prepareCheck(notebooks, options) {
  const binary = tsgoBinary();
  const root = (0, import_node_path12.resolve)(options.root);
  if (binary === void 0 || !["package.json", "node_modules"].some((name) => (0, import_node_fs9.existsSync)((0, import_node_path12.join)(root, name)))) return void 0;
  if (notebooks.some((notebook) => !notebook.file.startsWith(root + import_node_path12.sep) || notebook.cells.some((cell) => cellPragmas(cell.source).module !== void 0))) return void 0;
  let dir;
  try {
    const base = (0, import_node_path12.join)(outPaths(root).cache, "tsgo-check");
    makeFolderSync(base);
    removeAbandoned(base);
    dir = (0, import_node_fs9.mkdtempSync)((0, import_node_path12.join)(base, "check-"));
  } catch {
    return void 0;
  }
  const done = () => (0, import_node_fs9.rmSync)(dir, { recursive: true, force: true });
  try {
    const written = writeCheck(dir, notebooks, root, options.extraFiles ?? []);
    const args = ["-p", written.config, "--pretty", "false", "--explainFiles", "--singleThreaded"];
    return { command: { binary, args, options: { cwd: dir, env: checkEnvironment(process.env) } }, read: written.read, done };
  } catch (error) {
    done();
    if (typeof error.code === "string") return void 0;
    throw error;
  }
}
var ABANDONED_MS = 15 * 6e4;
function removeAbandoned(base) {
  const now = Date.now();
  for (const entry of (0, import_node_fs9.readdirSync)(base, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith("check-")) continue;
    try {
      if (now - (0, import_node_fs9.statSync)((0, import_node_path12.join)(base, entry.name)).mtimeMs > ABANDONED_MS) (0, import_node_fs9.rmSync)((0, import_node_path12.join)(base, entry.name), { recursive: true, force: true });
    } catch {
      continue;
    }
  }
}
function writeCheck(dir, notebooks, root, extraFiles) {
  const mirror = (0, import_node_path12.join)(dir, "fs");
  const mirrored = (path) => (0, import_node_path12.join)(mirror, path);
  const byNotebook = new Map(notebooks.map((notebook) => [notebook.file, cellModules(notebook, root)]));
  const cells = [...byNotebook.values()].flat();
  for (const cell of cells) {
    makeFolderSync((0, import_node_path12.dirname)(mirrored(cell.path)));
    (0, import_node_fs9.writeFileSync)(mirrored(cell.path), cell.text);
  }
  const stubs = /* @__PURE__ */ new Map();
  for (const [entry, source] of Object.entries(ENGINE_ENTRIES)) {
    if (!(0, import_node_fs9.existsSync)((0, import_node_path12.join)(root, source))) continue;
    const stub = mirrored((0, import_node_path12.join)(root, entry.replace(/\.js$/, ".ts")));
    makeFolderSync((0, import_node_path12.dirname)(stub));
    (0, import_node_fs9.writeFileSync)(stub, `export * from ${JSON.stringify((0, import_node_path12.join)(root, source))};
`);
    stubs.set(stub, (0, import_node_path12.join)(root, source));
  }
  const config = (0, import_node_path12.join)(dir, "tsconfig.json");
  const project = findUp(root, "tsconfig.json") === (0, import_node_path12.join)(root, "tsconfig.json") ? (0, import_node_path12.join)(root, "tsconfig.json") : void 0;
  const defaults = { strict: true, target: "ES2022", lib: ["ES2023"], types: ["node"], typeRoots: [(0, import_node_path12.join)(packageFolder(), "node_modules", "@types")] };
  (0, import_node_fs9.writeFileSync)(config, JSON.stringify({
    ...project !== void 0 && { extends: project },
    compilerOptions: {
      ...project === void 0 && defaults,
      module: "esnext",
      moduleResolution: "bundler",
      noEmit: true,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      isolatedModules: false,
      experimentalDecorators: true,
      jsx: "react",
      rootDirs: [mirrored(root), root],
      paths: { tslab: [(0, import_node_path12.join)(packageFolder(), "src", "notebook", "tslab.d.ts")] }
    },
    include: [],
    files: [...extraFiles, ...cells.map((cell) => mirrored(cell.path))]
  }));
  return { config, read: (run) => readCheck(run, { dir, root, notebooks, byNotebook, cells, stubs }) };
}
function readCheck(run, written) {
  const { dir, root, notebooks, byNotebook, cells, stubs } = written;
  const mirrored = (path) => (0, import_node_path12.join)(dir, "fs", path);
  if (run.error !== void 0 || run.status !== 0 && run.status !== 1 && run.status !== 2) return void 0;
  const output = parseOutput(run.stdout, dir);
  const configError = (error) => error.file === void 0 || error.file.endsWith("tsconfig.json") || error.code >= 5e3 && error.code < 6e3;
  if (output.errors.some(configError)) return void 0;
  if (run.status !== 0 && output.errors.length === 0) return void 0;
  const asLinked = linkedPaths(root);
  const cellAt = new Map(cells.map((cell) => [mirrored(cell.path), cell]));
  const located2 = /* @__PURE__ */ new Map();
  for (const error of output.errors) {
    const file = asLinked(error.file);
    const cell = cellAt.get(file);
    const key = cell?.path ?? file;
    located2.set(key, [...located2.get(key) ?? [], locate(error, cell, root)]);
  }
  const real = (file) => cellAt.get(file)?.path ?? stubs.get(file) ?? asLinked(file);
  const imports = /* @__PURE__ */ new Map();
  for (const [importer, targets] of output.imports) {
    const from = real(importer);
    imports.set(from, [.../* @__PURE__ */ new Set([...imports.get(from) ?? [], ...targets.map(real)])].filter((to) => to !== from));
  }
  const virtual = new Set(cells.map((cell) => cell.path));
  const entryTargets = new Set(Object.values(ENGINE_ENTRIES).map((target) => (0, import_node_path12.join)(root, target)));
  const isProjectFile = (file) => !virtual.has(file) && !file.startsWith(dir + import_node_path12.sep) && !file.endsWith(".d.ts") && !file.split(/[\\/]/).includes("node_modules");
  const order = new Map(notebooks.map((notebook, index) => [displayPath(notebook.file, root), index]));
  return {
    cellsOf: (file) => byNotebook.get(file) ?? [],
    errorsIn: (file) => located2.get(file) ?? [],
    all: () => [...located2.values()].flat().sort((a, b) => compareDiagnostics(a, b, order)),
    projectClosure: (file, throughEntries) => reachable((next) => imports.get(next), file, (next) => isProjectFile(next) && (throughEntries || !entryTargets.has(next)))
  };
}
function linkedPaths(root) {
  const links = [];
  for (const entry of (0, import_node_fs9.readdirSync)(root, { withFileTypes: true })) {
    if (!entry.isSymbolicLink()) continue;
    try {
      links.push({ target: (0, import_node_fs9.realpathSync)((0, import_node_path12.join)(root, entry.name)) + import_node_path12.sep, linked: (0, import_node_path12.join)(root, entry.name) + import_node_path12.sep });
    } catch {
      continue;
    }
  }
  return (file) => {
    const link = links.find(({ target }) => file.startsWith(target));
    return link === void 0 ? file : link.linked + file.slice(link.target.length);
  };
}
function parseOutput(stdout, cwd) {
  const errors = [];
  const imports = /* @__PURE__ */ new Map();
  let last;
  let explained;
  for (const line of stdout.split(/\r?\n/)) {
    const error = ERROR_LINE.exec(line);
    const global = error === null ? GLOBAL_ERROR.exec(line) : null;
    const chain = last !== void 0 ? CHAIN_LINE.exec(line) : null;
    const importedBy = IMPORTED_BY.exec(line);
    if (error !== null) {
      const [, file, row, column, code, message] = error;
      last = { file: (0, import_node_path12.resolve)(cwd, file), line: Number(row), column: Number(column), code: Number(code), message };
      errors.push(last);
    } else if (global !== null) {
      last = { line: 0, column: 0, code: Number(global[1]), message: global[2] };
      errors.push(last);
    } else if (chain !== null && last !== void 0) {
      last.message += `
${chain[1]}${chain[2]}`;
    } else if (importedBy !== null && explained !== void 0) {
      const importer = (0, import_node_path12.resolve)(cwd, importedBy[1]);
      imports.set(importer, [...imports.get(importer) ?? [], explained]);
    } else if (line.length > 0 && !line.startsWith(" ")) {
      last = void 0;
      explained = (0, import_node_path12.resolve)(cwd, line);
    } else if (!line.startsWith(" ")) {
      last = void 0;
    }
  }
  return { errors, imports };
}
function locate(error, cell, root) {
  const { code, message } = error;
  if (cell !== void 0) return { file: cell.notebook, cell: cell.cell, line: Math.max(1, error.line - 1), column: error.line === 1 ? 1 : error.column, code, message };
  return { file: displayPath(error.file, root), line: error.line, column: error.column, code, message };
}
function compareDiagnostics(a, b, order) {
  const rank = (d) => order.get(d.file) ?? order.size;
  return rank(a) - rank(b) || (rank(a) === order.size ? byCodeUnits(a.file, b.file) : 0) || (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.column - b.column;
}

// src/notebook/typecheck.ts
var import_node_path15 = require("node:path");

// src/charts/schema.ts
init_suggest();

// src/notebook/type-hints.ts
init_suggest();

// src/notebook/tslab-root-dir.ts
var import_node_fs10 = require("node:fs");
var import_node_path13 = require("node:path");
init_text_position();
var NOT_UNDER_ROOT_DIR = 6059;
var STATIC = /^[ \t]*(?:import|export)[ \t\n]+(?:[\w$*{}\s,]+?[ \t\n]from[ \t\n]*)?["']([^"'\n]+)["']/gm;
var DYNAMIC = /(?<![\w$.])import[ \t]*\([ \t]*["']([^"'\n]+)["'][ \t]*[,)]/g;
function specifiers(source) {
  return [STATIC, DYNAMIC].flatMap(
    (pattern) => [...source.matchAll(pattern)].map((match) => ({ specifier: match[1], offset: (match.index ?? 0) + match[0].lastIndexOf(match[1]) - 1 }))
  );
}
var SOURCE = /\.(?:ts|tsx|mts|cts)$/;
function resolveRelative(specifier, fromDir) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return void 0;
  const base = (0, import_node_path13.resolve)(fromDir, specifier);
  const stem = base.replace(/\.(?:m|c)?js$/, "");
  const candidates = stem !== base ? [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${stem}.d.ts`, base] : [base, ...[".ts", ".tsx", ".d.ts", ".js"].map((extension) => `${base}${extension}`), ...["index.ts", "index.tsx", "index.d.ts", "index.js"].map((name) => (0, import_node_path13.join)(base, name))];
  return candidates.find((candidate) => (0, import_node_fs10.existsSync)(candidate) && (0, import_node_fs10.statSync)(candidate).isFile());
}
function isSource(file) {
  return SOURCE.test(file) && !file.endsWith(".d.ts") && !file.split(/[\\/]/).includes("node_modules");
}
function crossingFrom(file, folder, seen) {
  if (seen.has(file)) return void 0;
  seen.add(file);
  let source;
  try {
    source = (0, import_node_fs10.readFileSync)(file, "utf8");
  } catch {
    return void 0;
  }
  for (const { specifier, offset } of specifiers(source)) {
    const target = resolveRelative(specifier, (0, import_node_path13.dirname)(file));
    if (target === void 0 || !isSource(target)) continue;
    if (!isInside(folder, target)) return { importer: file, source, offset, outside: target };
    const deeper = crossingFrom(target, folder, seen);
    if (deeper !== void 0) return deeper;
  }
  return void 0;
}
function rootDirProblems(notebook, root) {
  const folder = (0, import_node_path13.dirname)((0, import_node_path13.resolve)(notebook.file));
  const entries2 = new Set(Object.keys(PUBLIC_ENTRIES).map((entry) => (0, import_node_path13.join)((0, import_node_path13.resolve)(root), entry)));
  const problems = /* @__PURE__ */ new Map();
  for (const { cell, source } of notebook.cells) {
    if (cellPragmas(source).browser) continue;
    for (const { specifier, offset } of specifiers(source)) {
      if (entries2.has((0, import_node_path13.resolve)(folder, specifier))) continue;
      const target = resolveRelative(specifier, folder);
      if (target === void 0 || !isSource(target)) continue;
      const crossing = isInside(folder, target) ? crossingFrom(target, folder, /* @__PURE__ */ new Set()) : { importer: notebook.file, source, offset, outside: target };
      if (crossing === void 0) continue;
      const inCell = crossing.importer === notebook.file;
      const { line, column } = lineColumn(crossing.source, crossing.offset);
      const key = `${crossing.importer}#${inCell ? cell : ""}:${line}:${column}`;
      if (problems.has(key)) continue;
      const entry = Object.entries(PUBLIC_ENTRIES).find(([, from]) => (0, import_node_path13.join)((0, import_node_path13.resolve)(root), from) === crossing.outside)?.[0];
      const instead = entry === void 0 ? void 0 : (0, import_node_path13.relative)((0, import_node_path13.dirname)(crossing.importer), (0, import_node_path13.join)((0, import_node_path13.resolve)(root), entry)).split(import_node_path13.sep).join("/");
      const at2 = { file: displayPath(crossing.importer, root), ...inCell && { cell }, line, column };
      problems.set(key, { cell, diagnostic: { ...at2, code: NOT_UNDER_ROOT_DIR, message: notUnderRootDir(crossing.outside, folder, instead) } });
    }
  }
  return [...problems.values()];
}

// src/notebook/import-consequences.ts
init_text_position();

// src/notebook/type-error-place.ts
init_text_position();
function incompatibleValueAt(source, at2, message) {
  const chain = [...message.matchAll(/Types of property '([^']+)' are incompatible/g)].map((match) => match[1] ?? "");
  const ownValue = chain.length === 0 && /^Type '[^']*' is not assignable to type/.test(message);
  if (chain.length === 0 && !ownValue || !message.includes("is not assignable")) return void 0;
  const program = parseCell(source);
  const parser = oxcParser();
  if (program === void 0 || parser === null) return void 0;
  const where = lineIndex(source);
  const offset = offsetOf(source, at2.line, at2.column);
  if (offset < 0) return void 0;
  let object;
  let literal;
  new parser.Visitor({
    Property: (node) => {
      const property = node;
      if (ownValue && literal === void 0 && property.key.start === offset && property.value.type === "Literal") literal = property.value;
      if (object === void 0 && (property.start === offset || property.key.start === offset) && property.value.type === "ObjectExpression") object = property.value;
    },
    ObjectExpression: (node) => {
      if (object === void 0 && node.start === offset) object = node;
    }
  }).visit(program);
  if (ownValue) return literal === void 0 ? void 0 : where(literal.start);
  let target;
  for (const name of chain) {
    const found = object?.properties?.find((p) => p.type === "Property" && keyName(p) === name);
    if (found === void 0) break;
    target = found;
    object = found.value.type === "ObjectExpression" ? found.value : void 0;
  }
  return target === void 0 ? void 0 : where(target.value.start);
}
function keyName(property) {
  const { key } = property;
  if (key.type === "Identifier") return key.name;
  return key.type === "Literal" && typeof key.value === "string" ? key.value : void 0;
}
function atIncompatibleValue(diagnostic, module2) {
  if (diagnostic.cell === void 0 || !/Types of property|^Type '[^']*' is not assignable to type/.test(diagnostic.message)) return diagnostic;
  const lines = module2.text.split("\n");
  const source = lines.slice(1, lines.length - 2).join("\n");
  const place = incompatibleValueAt(source, diagnostic, diagnostic.message);
  return place === void 0 ? diagnostic : { ...diagnostic, ...place };
}

// src/notebook/module-exports.ts
var import_node_fs11 = require("node:fs");
var import_node_path14 = require("node:path");
var CANNOT_FIND_NAME = 2304;
var CANNOT_FIND_NAME_MEANT = 2552;
function suggestImport(diagnostic, fromDir, root) {
  if (diagnostic.code !== CANNOT_FIND_NAME && diagnostic.code !== CANNOT_FIND_NAME_MEANT) return diagnostic;
  const name = /^Cannot find name '([^']+)'\.(?: Did you mean '[^']+'\?)?$/.exec(diagnostic.message)?.[1];
  if (name === void 0) return diagnostic;
  for (const [entry, source] of Object.entries(PUBLIC_ENTRIES)) {
    const exported = entryExports(root, entry, source).get(name);
    if (exported === void 0) continue;
    let specifier = (0, import_node_path14.relative)(fromDir, (0, import_node_path14.join)(root, entry)).split(import_node_path14.sep).join("/");
    if (!specifier.startsWith(".")) specifier = `./${specifier}`;
    return { ...diagnostic, code: CANNOT_FIND_NAME, message: `Cannot find name '${name}'.${missingImportHint(name, specifier, exported.typeOnly)}` };
  }
  return diagnostic;
}
function entryExports(root, entry, source) {
  const fromSource = exportsOf((0, import_node_path14.join)(root, source));
  return fromSource.size > 0 ? fromSource : exportsOf((0, import_node_path14.join)(root, entry));
}
var MAX_DEPTH = 8;
function exportsOf(file, depth = 0, seen = /* @__PURE__ */ new Set()) {
  const names = /* @__PURE__ */ new Map();
  const parser = oxcParser();
  if (parser === null || depth > MAX_DEPTH || seen.has(file)) return names;
  seen.add(file);
  let text;
  try {
    text = (0, import_node_fs11.readFileSync)(file, "utf8");
  } catch {
    return names;
  }
  const parsed2 = parser.parseSync(file, text, { lang: /\.[mc]?js$/.test(file) ? "js" : "ts", sourceType: "module" });
  for (const statement of parsed2.module.staticExports) {
    for (const entry of statement.entries) {
      const request = entry.moduleRequest?.value;
      if (entry.exportName.kind === "Name" && entry.exportName.name !== null) {
        names.set(entry.exportName.name, { typeOnly: entry.isType });
      } else if (entry.importName.kind === "AllButDefault" && request !== void 0) {
        const target = resolveRelative(request, (0, import_node_path14.dirname)(file));
        if (target === void 0) continue;
        for (const [name, exported] of exportsOf(target, depth + 1, seen)) if (!names.has(name)) names.set(name, exported);
      }
    }
  }
  return names;
}

// src/notebook/typecheck.ts
function checked(notebooks, options) {
  return checkWithTsgo(notebooks, options) ?? checkWithApi(notebooks, options);
}
function checkForRun(notebooks, options) {
  return typesOfNotebooks(checked(notebooks, options), notebooks, options);
}
function suggested(diagnostic, module2, root, entries2) {
  const fromDir = (0, import_node_path15.dirname)(module2.path);
  return atIncompatibleValue(suggestImport(suggestModule(suggestEarlierName(placeInCell(diagnostic, module2), module2), fromDir, entries2), fromDir, root), module2);
}
function typesOfNotebooks(program, notebooks, options) {
  const root = (0, import_node_path15.resolve)(options.root);
  const entries2 = publicEntryFiles(root);
  const results = /* @__PURE__ */ new Map();
  for (const notebook of notebooks) {
    const errors = [];
    const seen = /* @__PURE__ */ new Set();
    const reported = /* @__PURE__ */ new Set();
    for (const module2 of program.cellsOf(notebook.file)) {
      const { cell, path } = module2;
      for (const diagnostic of program.errorsIn(path)) errors.push({ cell, diagnostic: suggested(diagnostic, module2, root, entries2) });
      for (const file of program.projectClosure(path, true)) seen.add(file);
      for (const file of program.projectClosure(path, false)) {
        if (reported.has(file)) continue;
        reported.add(file);
        for (const diagnostic of program.errorsIn(file)) errors.push({ cell, diagnostic });
      }
    }
    errors.push(...rootDirProblems(notebook, root));
    const files = [...seen].map((file) => displayPath(file, root)).sort();
    results.set(notebook.file, { errors, files });
  }
  return results;
}

// src/notebook/typecheck-worker.ts
import_node_worker_threads.parentPort?.on("message", ({ id, notebooks, root }) => {
  import_node_worker_threads.parentPort?.postMessage({ id, entries: [...checkForRun(notebooks, { root })] });
});
//# sourceMappingURL=typecheck-worker.cjs.map

#!/usr/bin/env node
const __fragtaxFileUrl = require("node:url").pathToFileURL(__filename).href;
"use strict";

// src/cli/boot.ts
var import_node_path6 = require("node:path");
var import_node_v82 = require("node:v8");

// src/notebook/thread-start.ts
var import_node_worker_threads = require("node:worker_threads");
var YOUNG_GENERATION_MB = 4;
function startNotebookThread(entry) {
  return new import_node_worker_threads.Worker(entry, { stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}
var HAND_OVER = /* @__PURE__ */ Symbol.for("fragtax.notebook-thread-started-early");
function startThreadForLater(entry) {
  const left = { worker: startNotebookThread(entry), ended: false };
  left.worker.unref();
  left.worker.on("error", () => void 0);
  left.worker.once("exit", () => {
    left.ended = true;
  });
  globalThis[HAND_OVER] = left;
}

// src/util/code-cache.ts
var import_node_fs4 = require("node:fs");
var import_node_module = require("node:module");
var import_node_path5 = require("node:path");
var import_node_v8 = require("node:v8");
var import_node_vm = require("node:vm");

// src/util/atomic.ts
var import_node_crypto = require("node:crypto");
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");

// src/util/folders.ts
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");
var isEnoent = (error) => error?.code === "ENOENT";
function firstMissing(path) {
  let missing = (0, import_node_path.resolve)(path);
  while ((0, import_node_path.dirname)(missing) !== missing && !(0, import_node_fs.existsSync)((0, import_node_path.dirname)(missing))) missing = (0, import_node_path.dirname)(missing);
  return missing;
}
function makeFolderSync(path) {
  try {
    (0, import_node_fs.mkdirSync)(path, { recursive: true });
  } catch (error) {
    if (!isEnoent(error)) throw error;
    (0, import_node_fs.mkdirSync)(firstMissing(path));
    (0, import_node_fs.mkdirSync)(path, { recursive: true });
  }
}

// src/util/atomic.ts
function temporarySibling(path) {
  return (0, import_node_path2.join)((0, import_node_path2.dirname)(path), `.${(0, import_node_path2.basename)(path)}.${process.pid}.${(0, import_node_crypto.randomBytes)(4).toString("hex")}.tmp`);
}
function isTemporarySibling(path) {
  return writerOfTemporary(path) !== void 0;
}
var ABANDONED_TEMPORARY_MS = 6e4;
function abandonedTemporary(path, mtimeMs, now = Date.now()) {
  return isTemporarySibling(path) && now - mtimeMs > ABANDONED_TEMPORARY_MS;
}
function writerOfTemporary(path) {
  const pid = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec((0, import_node_path2.basename)(path))?.[1];
  return pid === void 0 ? void 0 : Number(pid);
}
function writeFileAtomicSync(path, data) {
  makeFolderSync((0, import_node_path2.dirname)(path));
  const temporary = temporarySibling(path);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) (0, import_node_fs2.writeFileSync)(temporary, data);
    else writeChunksSync(temporary, data);
    (0, import_node_fs2.renameSync)(temporary, path);
  } catch (error) {
    (0, import_node_fs2.rmSync)(temporary, { force: true });
    throw error;
  }
}
function writeChunksSync(path, chunks) {
  const fd = (0, import_node_fs2.openSync)(path, "w");
  try {
    for (const chunk of chunks) {
      for (let written = 0; written < chunk.byteLength; ) written += (0, import_node_fs2.writeSync)(fd, chunk, written, chunk.byteLength - written);
    }
  } finally {
    (0, import_node_fs2.closeSync)(fd);
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
var import_node_path4 = require("node:path");

// src/util/paths.ts
var import_node_fs3 = require("node:fs");
var import_node_path3 = require("node:path");
var import_node_url = require("node:url");

// src/messages/fs.ts
var toolNotFound = (from) => `fragtax: templates/report.html not found above ${from}: reinstall fragtax (npm ci)`;

// src/util/paths.ts
function toolRoot() {
  let dir = (0, import_node_path3.dirname)((0, import_node_url.fileURLToPath)(__fragtaxFileUrl));
  for (; ; ) {
    if ((0, import_node_fs3.existsSync)((0, import_node_path3.join)(dir, "templates", "report.html"))) return dir;
    const parent = (0, import_node_path3.dirname)(dir);
    if (parent === dir) throw new Error(toolNotFound((0, import_node_url.fileURLToPath)(__fragtaxFileUrl)));
    dir = parent;
  }
}

// src/util/tool-cache.ts
function toolCacheDir() {
  return (0, import_node_path4.join)(toolRoot(), "node_modules", ".cache", "fragtax");
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
function requireWithCodeCache(file, cacheDir = (0, import_node_path5.join)(toolCacheDir(), "v8"), options = {}) {
  const known = loaded.get(file);
  if (known !== void 0) return known;
  const result = load(file, cacheDir, options);
  loaded.set(file, result);
  return result;
}
function load(file, cacheDir, options) {
  const bytes = (0, import_node_fs4.readFileSync)(file);
  const name = `${(0, import_node_path5.basename)(file)}${options.variant === void 0 ? "" : `.${options.variant}`}-${sha256(file).slice(0, 8)}`;
  const { cacheFile, cachedData: stored } = cacheEntry(cacheDir, name, bytes);
  const { cachedData, madeAfterMs } = readHeader(stored);
  const script = new import_node_vm.Script(`${HEAD}${bytes.toString("utf8")}${TAIL}`, { filename: file, lineOffset: -1, ...cachedData && { cachedData } });
  const module2 = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module2.exports, module2.exports, (0, import_node_module.createRequire)(file), module2, file, (0, import_node_path5.dirname)(file));
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
function requireBundled(file, options = {}) {
  let cacheDir;
  try {
    cacheDir = (0, import_node_path5.join)(toolCacheDir(), "v8");
  } catch {
    return (0, import_node_module.createRequire)(file)(file);
  }
  return requireWithCodeCache(file, cacheDir, options).exports;
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
  const cacheFile = (0, import_node_path5.join)(cacheDir, `${flavoured(name)}-${key.hex().slice(0, 24)}.bin`);
  try {
    return { cacheFile, cachedData: (0, import_node_fs4.readFileSync)(cacheFile) };
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
    entries = (0, import_node_fs4.readdirSync)(cacheDir);
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
      const made = (0, import_node_fs4.statSync)((0, import_node_path5.join)(cacheDir, entry)).mtimeMs;
      return temporary ? abandonedTemporary(entry, made) : made < staleBefore;
    } catch {
      return false;
    }
  };
  for (const entry of entries) {
    if (!(entry.startsWith(current) && entry.endsWith(".bin")) && !unflavoured(entry) && !stale(entry)) continue;
    try {
      (0, import_node_fs4.rmSync)((0, import_node_path5.join)(cacheDir, entry), { force: true });
    } catch {
    }
  }
}

// src/cli/boot.ts
var COMMANDS = /* @__PURE__ */ new Set(["build", "check", "dev", "diff", "new", "publish", "run", "verify"]);
var command = process.argv[2] ?? "";
if ((command === "build" || command === "dev") && process.env.FT_BUDGET !== "default") (0, import_node_v82.setFlagsFromString)(process.env.FT_BUDGET ? "--interrupt-budget=" + process.env.FT_BUDGET : "--interrupt-budget=270336");
var helpAsked = process.argv.includes("--help") || process.argv.includes("-h");
if ((command === "run" || command === "build") && !helpAsked) startThreadForLater((0, import_node_path6.join)(__dirname, "notebook-worker.cjs"));
requireBundled((0, import_node_path6.join)(__dirname, "main.cjs"), { keep: "at-exit", variant: helpAsked ? "help" : COMMANDS.has(command) ? command : "other" });
//# sourceMappingURL=cli.cjs.map

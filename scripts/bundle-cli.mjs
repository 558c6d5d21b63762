// Bundles the CLI and the public entries notebooks import in real Jupyter:
//   src/cli/boot.ts         → dist/cli.cjs             (the `fragtax` bin: loads dist/main.cjs through V8's code cache)
//   src/cli/entry.ts        → dist/main.cjs            (the command line, one CommonJS file)
//   src/notebook/worker.ts  → dist/notebook-worker.cjs (the notebook engine's worker thread)
//   src/notebook/typecheck-worker.ts → dist/typecheck-worker.cjs (a build's type check, in its own thread)
//   src/api/index.ts        → dist/api.js   + dist/api.d.ts    (notebook API)
//   src/model/index.ts      → dist/model.js + dist/model.d.ts  (the reusable model library)
//   src/fragmentation-tax/index.ts → dist/fragmentation-tax.js + .d.ts (the report's chapter models and ledger)
//   vega + vega-lite        → dist/vega.cjs             (the chart renderer's libraries, CommonJS: VEGA below)
// Dependencies stay external (resolved from node_modules at run time), except the few pure-JS
// packages the CLI bundles into dist/main.cjs (BUNDLED below: yaml, zod, commander, sanitize-html, markdown-it)
// and Vega's own file. The declaration files come from one `tsc --emitDeclarationOnly` run into dist/types/, re-exported by
// small stubs, so tslab's TypeScript 5.0 reads them (tslab compiles notebook cells with rootDir = the
// notebook's folder, so notebooks cannot import ../src/*.ts directly, but can import ../dist/*.js
// with declarations).
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { drawingCodeHash } from "./drawing-code.mjs";
import { latin1Source } from "./latin1.mjs";
import { inputsDigest, upToDate, writeStamp } from "./bundle-stamp.mjs";

// Nothing to do when dist/ is the bundle of these very sources (scripts/bundle-stamp.mjs).
const inputs = inputsDigest();
if (upToDate(inputs)) {
  process.stderr.write("bundle: dist/ is up to date with src/ (nothing changed since it was bundled)\n");
  process.exit(0);
}
process.stderr.write("bundle: bundling src/ into dist/ (a few seconds)\n");

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
};

/**
 * The CLI bundles a few pure-JS packages instead of leaving them external: Vega and Vega-Lite are
 * ~170 ES modules (bundled on their own, below), and the YAML parser and zod dozens more, which Node
 * resolves, reads and links one by one. Bundled, loading the renderer takes ~90 ms instead of ~210 ms
 * (idle machine) and a cold build loses that serial work. sanitize-html (with htmlparser2, postcss and
 * their dependencies, ~40 CommonJS files) cost a rebuild ~70 ms of loading before the render;
 * markdown-it and its plugins (~15 files) ~15 ms more, compiled afresh each time.
 *
 * commander is in the CLI's own file (every command parses its line), and damerau-levenshtein (one
 * small file, ~3 ms to resolve and compile at every start as a package). The others are VENDOR: each is
 * a file of its own, dist/vendor/<name>.cjs, loaded through V8's code cache when a module that imports
 * it first runs (the `vendor` plugin below). In dist/main.cjs they were 1.8 of its 2.7 MB, which every
 * command read, hashed and decoded (zod's 40 locales made the whole file a two-byte string) to run
 * none of it: `fragtax run` and a no-op build parse no YAML and render no markdown.
 * Whatever these packages import is bundled with them, except native addons (canvas stays a
 * package, loaded by its own binding).
 */
const BUNDLED = new Set(["commander", "damerau-levenshtein"]);
const VENDOR = ["yaml", "js-yaml", "zod", "sanitize-html", "markdown-it", "markdown-it-anchor", "markdown-it-footnote"];
const NATIVE = new Set(["canvas"]);
/**
 * Vega and Vega-Lite go into one CommonJS file of their own, dist/vega.cjs, which the renderer loads
 * through V8's code cache (src/charts/vega-modules.ts, src/util/code-cache.ts): Node 20 caches no ES
 * module's compile, and these 1.7 MB took ~0.14 s to load as one; cached, ~0.08 s. CommonJS has no
 * top-level await, which vega-canvas uses to import canvas: the bundle takes a synchronous copy.
 */
const VEGA = ["vega", "vega-lite"];
/**
 * The versions of the packages bundled into the CLI, substituted at bundle time for
 * `globalThis.__FRAGTAX_BUNDLED_VERSIONS__` (src/package-version.ts `codeVersion`) as a JSON string
 * literal (an object would become a module every bundled module initialises): chart cache keys and
 * the report's provenance name the Vega that draws, even when node_modules changed after this bundle
 * was made. Resolved as esbuild resolves the packages it bundles.
 */
const resolvePackage = createRequire(join(process.cwd(), "package.json")).resolve;
/** The version in the package.json of the package `name` resolves to (not every package exports its package.json). */
function bundledVersion(name) {
  for (let dir = dirname(resolvePackage(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    const data = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
    if (data?.name === name) return data.version;
  }
  throw new Error(`cannot find the package.json of ${name}`);
}
const bundledVersions = Object.fromEntries([...BUNDLED, ...VENDOR, ...VEGA].map((name) => [name, bundledVersion(name)]));
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
const bundleChosenPackages = {
  name: "bundle-chosen-packages",
  setup(build) {
    // child_process takes ~4 ms to load, and every command loaded it at start: commander requires it
    // at its top level (for subcommands that are programs of their own, which fragtax has none of),
    // and so do the modules that run Deno, git or tsgo. In this bundle it is a module object whose
    // properties load it when first read: esbuild's interop copies a module's properties as getters
    // (the names are listed here, at bundle time), and the reads happen when a function is called.
    build.onResolve({ filter: /^node:child_process$/ }, () => ({ path: "child_process", namespace: "lazy-builtin" }));
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (args) => ({
      contents: [
        `const names = ${JSON.stringify(Object.keys(await import(`node:${args.path}`)).filter((name) => name !== "default"))};`,
        `let loaded;`,
        `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
        `module.exports = new Proxy({}, {`,
        `  get: (_, key) => load()[key],`,
        `  has: (_, key) => key in load(),`,
        `  ownKeys: () => [...names],`,
        `  getOwnPropertyDescriptor: (_, key) => (names.includes(key) ? { configurable: true, enumerable: true, get: () => load()[key] } : undefined),`,
        `});`,
      ].join("\n"),
      loader: "js",
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageName(args.path);
      if (args.path.startsWith("node:") || NATIVE.has(name)) return { external: true };
      const fromBundledPackage = /[\\/]node_modules[\\/]/.test(args.importer);
      if (VENDOR.includes(name) && !fromBundledPackage) {
        if (args.path !== name) throw new Error(`${args.importer} imports ${args.path}: only a VENDOR package's main entry has a file in dist/vendor/`);
        return { path: name, namespace: "vendor" };
      }
      return BUNDLED.has(name) || fromBundledPackage ? undefined : { external: true };
    });
    // An ES module that loads dist/vendor/<name>.cjs when it first runs and re-exports its names:
    // listed at bundle time, so an import of a name the package lacks still fails the bundle.
    build.onLoad({ filter: /.*/, namespace: "vendor" }, async (args) => {
      const names = Object.keys(await import(args.path));
      const lines = [
        `import { requireBundled } from ${JSON.stringify(join(process.cwd(), "src", "util", "code-cache.ts"))};`,
        `const loaded = requireBundled(require("node:path").join(__dirname, "vendor", ${JSON.stringify(`${args.path}.cjs`)}), { keep: "at-exit" });`,
        ...names.map((exported, i) => `const e${i} = loaded[${JSON.stringify(exported)}];`),
        `export { ${names.map((exported, i) => `e${i} as ${JSON.stringify(exported)}`).join(", ")} };`,
      ];
      return { contents: lines.join("\n"), loader: "js", resolveDir: process.cwd() };
    });
  },
};

/**
 * zod's `locales` namespace (`z.locales`, `z.core.locales`) holds its messages in ~40 languages: half
 * of dist/vendor/zod.cjs (766 of its KB), which every command that validates input read, decoded and
 * compiled (~1,300 fresh pages more here). fragtax's messages are English, and zod registers English
 * itself (zod/v4/classic/schemas.js imports locales/en.js); the namespace is bundled with English only.
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "zod-english-only" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, () => ({
      contents: `export { default as en } from ${JSON.stringify(createRequire(join(process.cwd(), "package.json")).resolve("zod/v4/locales/en.js"))};`,
      loader: "js",
      resolveDir: process.cwd(),
    }));
  },
};

// The chart cache's key names the code that draws (src/charts/cache.ts, scripts/drawing-code.mjs).
const drawingCode = await drawingCodeHash();

// A fresh dist/ (no stale files), but a file bundled to the same bytes as before keeps its old file and
// modification time: the caches of what the code derives (src/build/cache/code-stamp.ts: the page, the
// parsed inputs) are keyed by the size and mtime of dist/'s files, and `npm run report` bundles before
// every build. Rewritten alike, they made each such build render the page again (~8 s, not ~1.5 s).
for (const name of readdirSync(".")) if (name.startsWith(".dist-previous-")) rmSync(name, { recursive: true, force: true });
const previous = `.dist-previous-${process.pid}`;
if (existsSync("dist")) renameSync("dist", previous);
const entries = { api: "src/api/index.ts", model: "src/model/index.ts", "fragmentation-tax": "src/fragmentation-tax/index.ts" };

// What every CommonJS bundle of the sources gets substituted.
const define = {
  "globalThis.__FRAGTAX_BUNDLED_VERSIONS__": JSON.stringify(JSON.stringify(bundledVersions)),
  "globalThis.__FRAGTAX_VEGA_CJS__": JSON.stringify("dist/vega.cjs"),
  "globalThis.__FRAGTAX_DRAWING_CODE__": JSON.stringify(drawingCode),
  // The sources are ES modules; these bundles are CommonJS, where a file knows its own path instead.
  "import.meta.url": "__fragtaxFileUrl",
};
const fileUrl = { js: 'const __fragtaxFileUrl = require("node:url").pathToFileURL(__filename).href;' };
/**
 * The CommonJS bundles: the CLI's file is compiled from V8's code cache (src/cli/boot.ts), and on
 * Node 20 a function restored from that cache cannot run `import()` ("A dynamic import callback was
 * not specified"). So `import()` of a package becomes `require` of it: every package the CLI imports
 * lazily has a CommonJS entry (puppeteer-core, esbuild, ajv, subset-font, tar-stream, typescript).
 */
const commonJs = { ...common, format: "cjs", define, supported: { "dynamic-import": false }, outdir: "dist", outExtension: { ".js": ".cjs" } };

await Promise.all([
  // The CLI is one CommonJS file, loaded by the bin through V8's code cache (src/cli/boot.ts): Node 20
  // caches no ES module's compile, and as ~250 split ES modules every command spent ~60 ms resolving,
  // compiling and linking them. What the sources import with `await import(...)` (the TypeScript
  // compiler, the PDF printer, the YAML parser) stays lazy: esbuild runs such a module's top level only
  // when it is first imported, and a function never called is never compiled.
  build({ ...commonJs, packages: undefined, plugins: [bundleChosenPackages], banner: fileUrl, entryPoints: { main: "src/cli/entry.ts" } }),
  // The bin itself, compiled afresh by every process: only the code cache's loader.
  build({ ...commonJs, packages: undefined, banner: { js: `#!/usr/bin/env node\n${fileUrl.js}` }, entryPoints: { cli: "src/cli/boot.ts" } }),
  // The engine's threads, each a CommonJS file (a thread starts ~20 ms sooner than as ES modules);
  // packages stay external, so a thread's file is small: the YAML parser loads only on a cache miss.
  build({ ...commonJs, banner: fileUrl, entryPoints: { "notebook-worker": "src/notebook/worker.ts", "typecheck-worker": "src/notebook/typecheck-worker.ts" } }),
  // Each VENDOR package in a CommonJS file of its own, as the CLI's bundle loads it (above).
  ...VENDOR.map(async (name) => {
    const hasDefault = "default" in (await import(name));
    const contents = `export * from "${name}";\n${hasDefault ? `export { default } from "${name}";\n` : ""}`;
    return build({ ...common, packages: undefined, format: "cjs", stdin: { contents, resolveDir: process.cwd(), sourcefile: `${name}.js` }, outfile: `dist/vendor/${name}.cjs`, external: [...NATIVE], plugins: [zodEnglishOnly] });
  }),
  build({
    ...common,
    packages: undefined,
    format: "cjs",
    stdin: { contents: `export * as vega from "vega";\nexport * as vegaLite from "vega-lite";\n`, resolveDir: process.cwd(), sourcefile: "vega-entry.js" },
    outfile: "dist/vega.cjs",
    external: [...NATIVE],
    plugins: [{ name: "vega-canvas-sync", setup: (b) => b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: join(process.cwd(), "scripts", "vega-canvas-sync.cjs") })) }],
  }),
  ...Object.entries(entries).map(([name, entry]) => build({ ...common, entryPoints: [entry], outfile: `dist/${name}.js` })),
  emitDeclarations(),
]);

// The files the CLI loads through V8's code cache, in Latin-1 (scripts/latin1.mjs): each a one-byte
// string. A line where a character was escaped keeps its number; its later columns move in the map.
for (const file of ["dist/main.cjs", "dist/cli.cjs", "dist/notebook-worker.cjs", "dist/typecheck-worker.cjs", "dist/vega.cjs", ...readdirSync("dist/vendor").filter((name) => name.endsWith(".cjs")).map((name) => `dist/vendor/${name}`)]) {
  const source = readFileSync(file, "utf8");
  const latin1 = latin1Source(source, file);
  if (latin1 !== source) writeFileSync(file, latin1);
}

if (existsSync(previous)) {
  keepUnchanged(previous, "dist");
  rmSync(previous, { recursive: true, force: true });
}

// esbuild writes files with the default mode (0644); the bin must stay executable after every
// re-bundle, or `npx fragtax` fails with "Permission denied" once `npm run report` has run again
// (npm sets the bit only at install time).
for (const bin of Object.values(JSON.parse(readFileSync("package.json", "utf8")).bin)) {
  chmodSync(bin, 0o755);
}
writeStamp(inputs);

async function emitDeclarations() {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [
    tsc, ...Object.values(entries),
    "--declaration", "--emitDeclarationOnly", "--outDir", "dist/types", "--rootDir", "src",
    "--target", "ES2022", "--module", "ESNext", "--moduleResolution", "bundler", "--skipLibCheck",
    "--strict", "--allowImportingTsExtensions", "--types", "node",
  ], { stdio: "inherit" });
  mkdirSync("dist", { recursive: true });
  for (const [name, entry] of Object.entries(entries)) {
    const target = `./types/${entry.replace(/^src\//, "").replace(/\.ts$/, ".js")}`;
    writeFileSync(`dist/${name}.d.ts`, `export * from "${target}";\n`);
  }
}

/** Each file of `fresh` whose bytes equal its namesake's in `old` replaced by that file (its mtime kept). */
function keepUnchanged(old, fresh) {
  for (const entry of readdirSync(fresh, { withFileTypes: true })) {
    const [was, now] = [join(old, entry.name), join(fresh, entry.name)];
    if (entry.isDirectory()) {
      if (existsSync(was)) keepUnchanged(was, now);
    } else if (entry.isFile() && existsSync(was) && statSync(was).isFile() && readFileSync(was).equals(readFileSync(now))) {
      renameSync(was, now);
    }
  }
}

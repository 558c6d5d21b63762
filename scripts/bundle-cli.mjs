// Bundles the CLI and the public entries notebooks import in real Jupyter:
//   src/cli/entry.ts        → dist/cli.js              (the `fragtax` bin; main.ts and lazy chunks in dist/chunks/*.js)
//   src/notebook/worker.ts  → dist/notebook-worker.js  (the notebook engine's worker thread)
//   src/notebook/typecheck-worker.ts → dist/typecheck-worker.js (a build's type check, in its own thread)
//   src/api/index.ts        → dist/api.js   + dist/api.d.ts    (notebook API)
//   src/model/index.ts      → dist/model.js + dist/model.d.ts  (the reusable model library)
//   src/fragmentation-tax/index.ts → dist/fragmentation-tax.js + .d.ts (the report's chapter models and ledger)
//   vega + vega-lite        → dist/vega.cjs             (the chart renderer's libraries, CommonJS: VEGA below)
// Dependencies stay external (resolved from node_modules at run time), except the few pure-JS
// packages the CLI bundles into its lazy chunks (BUNDLED below: yaml, zod, commander, sanitize-html)
// and Vega's own file. The declaration files come from one `tsc --emitDeclarationOnly` run into dist/types/, re-exported by
// small stubs, so tslab's TypeScript 5.0 reads them (tslab compiles notebook cells with rootDir = the
// notebook's folder, so notebooks cannot import ../src/*.ts directly, but can import ../dist/*.js
// with declarations).
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { drawingCodeHash } from "./drawing-code.mjs";

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
 * The CLI bundles a few pure-JS packages into its (lazy) chunks instead of leaving them external: Vega
 * and Vega-Lite are ~170 ES modules (bundled on their own, below), and the YAML parser and zod dozens more, which Node resolves,
 * reads and links one by one. Bundled, loading the renderer takes ~90 ms instead of ~210 ms (idle
 * machine) and a cold build loses that serial work. sanitize-html (with htmlparser2, postcss and
 * their dependencies, ~40 CommonJS files) cost a rebuild ~70 ms of loading before the render. Whatever these packages import is bundled with
 * them, except native addons (canvas stays a package, loaded by its own binding).
 */
const BUNDLED = new Set(["yaml", "zod", "commander", "sanitize-html"]);
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
const bundledVersions = Object.fromEntries([...BUNDLED, ...VEGA].map((name) => [name, bundledVersion(name)]));
const packageName = (specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
const bundleChosenPackages = {
  name: "bundle-chosen-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageName(args.path);
      if (args.path.startsWith("node:") || NATIVE.has(name)) return { external: true };
      const fromBundledPackage = /[\\/]node_modules[\\/]/.test(args.importer);
      return BUNDLED.has(name) || fromBundledPackage ? undefined : { external: true };
    });
  },
};

// The chart cache's key names the code that draws (src/charts/cache.ts, scripts/drawing-code.mjs).
const drawingCode = await drawingCodeHash();

rmSync("dist", { recursive: true, force: true }); // no stale chunks
const entries = { api: "src/api/index.ts", model: "src/model/index.ts", "fragmentation-tax": "src/fragmentation-tax/index.ts" };

await Promise.all([
  // Code splitting keeps `await import(...)` lazy (e.g. `check` loads the TypeScript compiler, ~1.4 s;
  // without splitting esbuild inlines it and every command would pay for it at start-up). The worker
  // is an entry of the same build so it shares chunks with the CLI; the engine finds it from a chunk
  // in dist/chunks/ as well as from dist/ (src/notebook/pool.ts).
  build({
    ...common,
    packages: undefined,
    plugins: [bundleChosenPackages],
    define: {
      "globalThis.__FRAGTAX_BUNDLED_VERSIONS__": JSON.stringify(JSON.stringify(bundledVersions)),
      "globalThis.__FRAGTAX_VEGA_CJS__": JSON.stringify("dist/vega.cjs"),
      "globalThis.__FRAGTAX_DRAWING_CODE__": JSON.stringify(drawingCode),
    },
    entryPoints: { cli: "src/cli/entry.ts", "notebook-worker": "src/notebook/worker.ts", "typecheck-worker": "src/notebook/typecheck-worker.ts" },
    outdir: "dist",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    // A bundled CommonJS package (yaml) requires Node built-ins: each output file gets a `require`.
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __fragtaxRequire } from "node:module";\nconst require = __fragtaxRequire(import.meta.url);' },
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

// esbuild writes files with the default mode (0644); the bin must stay executable after every
// re-bundle, or `npx fragtax` fails with "Permission denied" once `npm run report` has run again
// (npm sets the bit only at install time).
for (const bin of Object.values(JSON.parse(readFileSync("package.json", "utf8")).bin)) {
  chmodSync(bin, 0o755);
}

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

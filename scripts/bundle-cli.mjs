// Bundles src/cli.ts into dist/cli.js so the `fragtax` bin starts fast without a TypeScript loader.
// Dependencies stay external (resolved from node_modules at run time).
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});

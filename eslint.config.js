// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "out/", "node_modules/", "test/fixtures/", "test/.tmp/", "notebooks/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-lines": ["warn", { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // CommonJS for the Vega bundle (scripts/vega-canvas-sync.cjs): vega-canvas's browser branches stay as written.
    files: ["scripts/**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", document: "readonly", Image: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The model library is the bottom layer: it knows neither the notebook API, the engine, the
    // renderer, the build nor this report's content (src/fragmentation-tax/ builds on it, not the reverse).
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/api/*", "**/notebook/*", "**/report/*", "**/build/*", "**/fragmentation-tax/*", "**/cli/*", "**/publish/*", "**/diff/*", "**/preview/*"], message: "src/model/ is the bottom layer: it may import only src/model, src/assumptions types, src/util, src/format and src/messages." }] }],
    },
  },
);

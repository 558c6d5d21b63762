import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

// Read at run time so the version in package.json is the single source of truth. This module runs
// from src/ and from dist/, so the package.json is one up (two from a file one folder deeper).
const require = createRequire(import.meta.url);
const packageFile = ["../package.json", "../../package.json"].map((path) => new URL(path, import.meta.url)).find((url) => existsSync(url));
const packageJson = require(packageFile ? fileURLToPath(packageFile) : "../package.json") as { version: string };

/** fragtax's own version; part of every cache key and provenance record. */
export const TOOL_VERSION: string = packageJson.version;

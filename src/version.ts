import { createRequire } from "node:module";

// Read at run time so the version in package.json is the single source of truth.
const packageJson = createRequire(import.meta.url)("../package.json") as { version: string };

/** fragtax's own version; part of every cache key and provenance record. */
export const TOOL_VERSION: string = packageJson.version;

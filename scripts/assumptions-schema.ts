/**
 * Writes `notebooks/assumptions.schema.json` from the zod schema, so editors autocomplete and check
 * `assumptions.yaml` (`# yaml-language-server: $schema=./assumptions.schema.json`).
 * Run with `npm run schema`; a test fails when the committed file is out of date.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { assumptionsJsonSchema } from "../src/assumptions/schema";

export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "notebooks", "assumptions.schema.json");

/** The file's exact text: pretty JSON with a trailing newline. */
export function assumptionsSchemaText(): string {
  return `${JSON.stringify(assumptionsJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await mkdir(dirname(SCHEMA_PATH), { recursive: true });
  await writeFile(SCHEMA_PATH, assumptionsSchemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}

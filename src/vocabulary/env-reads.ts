/**
 * What a notebook's cells read of the environment (notebook/notebook-env.ts records it, the build
 * cache keeps it), so a build run with another value re-runs the notebook. It lives here, below both,
 * so neither imports the other.
 */
export interface EnvReads {
  /** Each variable a cell read (`process.env.REGION`, `"REGION" in process.env`) → util/hash.ts `envStamp` of its value then. */
  readonly values: Readonly<Record<string, string>>;
  /** Every variable's name, sorted, when a cell listed them (`Object.keys(process.env)`, a spread): one added or removed is a change too. */
  readonly names?: readonly string[];
}

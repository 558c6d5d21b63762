/**
 * report.yaml's top-level keys, for a reading that does not load its schema (config/lenient.ts, which
 * `fragtax run` uses). The schema (config/parse.ts) is the authority; a test holds the two alike.
 */
export const REPORT_YAML_KEYS = ["title", "subtitle", "author", "date", "asOf", "assumptions", "errata", "chapters", "outputs", "paper", "montecarlo"] as const;

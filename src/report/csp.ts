/**
 * The page's Content-Security-Policy, built in one place for the report and for pages the dev server
 * serves. Scripts run only when their hash is listed: the report's own runtime is, so an injected
 * `<script>` or `onerror=` attribute could not run even if escaping were missed somewhere. Chart specs
 * sit in `<script type="application/json">` data blocks, which are never executed and need no hash.
 */
import { sha256Base64 } from "../util/hash";

export interface PolicyOptions {
  /** The exact text of every inline script allowed to run. */
  readonly scripts: readonly string[];
  /** Origins the page may connect to (the dev server's live-reload EventSource: "'self'"). */
  readonly connect?: readonly string[];
}

/** The CSP source for one inline script: 'sha256-<base64>' of its text as it stands between the tags. */
export function scriptHash(source: string): string {
  return `'sha256-${sha256Base64(source)}'`;
}

export function contentSecurityPolicy(options: PolicyOptions): string {
  const hashes = [...new Set(options.scripts.map(scriptHash))];
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${hashes.length > 0 ? hashes.join(" ") : "'none'"}`,
    "img-src data:",
    "font-src data:",
    ...(options.connect && options.connect.length > 0 ? [`connect-src ${options.connect.join(" ")}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

const POLICY_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i;

/**
 * `page` with its policy widened by `extra` (more allowed scripts, connections) and nothing else: the
 * hashes already in the page stay, so a served page allows exactly the report's scripts plus the
 * server's own. A page without a policy meta gets none (it is not a report).
 */
export function extendPolicy(page: string, extra: PolicyOptions): string {
  const match = POLICY_META.exec(page);
  if (!match) return page;
  const existing = (match[2] ?? "").match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? [];
  const connect = /connect-src ([^;]*)/.exec(match[2] ?? "")?.[1]?.split(" ").filter(Boolean) ?? [];
  const policy = contentSecurityPolicy({ scripts: extra.scripts, connect: [...new Set([...connect, ...(extra.connect ?? [])])] })
    .replace(/script-src ([^;]*)/, (_all, sources: string) => `script-src ${[...new Set([...existing, ...sources.split(" ").filter((s) => s !== "'none'")])].join(" ") || "'none'"}`);
  return page.slice(0, match.index) + (match[1] ?? "") + policy + (match[3] ?? "") + page.slice(match.index + match[0].length);
}

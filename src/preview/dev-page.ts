/**
 * What `fragtax dev` changes in a served report page, and nothing more: the live-reload script, the
 * error overlay of a failed rebuild, and the one policy change the script needs.
 *
 * The built report.html keeps its strict Content-Security-Policy (it loads and connects to nothing).
 * The served copy's policy is that same policy with exactly one connection allowed — `connect-src
 * 'self'`, for the event stream at /__fragtax/events — and, when the report's scripts are allowed by
 * nonce or hash rather than 'unsafe-inline', the hash of the live-reload script. Everything else the
 * report's policy says stays as it is, so a page that works in dev works as built.
 */
import { html, rawHtml, type Html } from "../util/html";
import * as devMessages from "../messages/dev";
import type { DevPageBelow } from "../messages/dev";
import { insertBeforeBodyClose } from "../util/page";
import { sha256Base64 } from "../util/hash";

export const EVENTS_PATH = "/__fragtax/events";

const SCROLL_KEY = "fragtax-dev-scroll";

const BANNER_ID = "fragtax-dev-rebuilding";
const BANNER_STYLE = "position:fixed;left:0;right:0;top:0;background:#fef3c7;color:#78350f;border-bottom:1px solid #d97706;padding:.4em 1.5em;font:14px/1.4 system-ui,sans-serif;z-index:99999";

/**
 * Reloads on each build event, keeping the scroll position: the position is saved before the reload
 * and restored after load (the page may have changed height, so the browser's own restoration is not
 * relied on; a reload before that restore keeps the saved one). It subscribes naming the build its
 * page shows (`data-build` on its script tag, so the script and its hash stay the same): a build that
 * finished while the page loaded, or while dev restarted, reloads it at once. Between a change and
 * the rebuild's end a banner says the page is out of date (the path as text, never as markup); while
 * dev cannot be reached (stopped, restarting) one says the page no longer follows edits. A hidden tab
 * lets its stream go (a browser opens six connections to one server, and a seventh tab would never
 * load); shown again, it subscribes again, and the build token brings any reload it missed.
 */
export const LIVE_RELOAD_SCRIPT = `(()=>{const k=${JSON.stringify(SCROLL_KEY)};history.scrollRestoration="manual";let y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);const go=()=>{window.scrollTo(0,Number(y));y=null;};document.readyState==="complete"?go():addEventListener("load",go);}const b=document.currentScript?.dataset.build??"";const show=(t)=>{let n=document.getElementById(${JSON.stringify(BANNER_ID)});if(!n){n=document.createElement("div");n.id=${JSON.stringify(BANNER_ID)};n.setAttribute("role","status");n.setAttribute("data-fragtax","dev-status");n.style.cssText=${JSON.stringify(BANNER_STYLE)};document.body.append(n);}n.textContent=t;};let s=null;let lost=false;const connect=()=>{const e=new EventSource(${JSON.stringify(EVENTS_PATH)}+"?since="+encodeURIComponent(b));s=e;e.addEventListener("error",()=>{if(e.readyState!==EventSource.OPEN){lost=true;show(${JSON.stringify(devMessages.devDisconnectedBanner())});}});e.addEventListener("open",()=>{if(lost){lost=false;document.getElementById(${JSON.stringify(BANNER_ID)})?.remove();}});e.addEventListener("reload",()=>{sessionStorage.setItem(k,y??String(window.scrollY));location.reload();});e.addEventListener("building",(m)=>show(JSON.parse(m.data)));};document.addEventListener("visibilitychange",()=>{if(document.visibilityState==="hidden"){s?.close();s=null;}else if(s===null)connect();});if(document.visibilityState!=="hidden")connect();})();`;

const scriptHash = (): string => `'sha256-${sha256Base64(LIVE_RELOAD_SCRIPT)}'`;

/**
 * The report's policy with the live-reload connection (and, where needed, script) allowed. Pure: the
 * one place that decides how the dev policy differs from the built one.
 */
export function devContentSecurityPolicy(reportPolicy: string): string {
  const directives = reportPolicy
    .split(";")
    .map((directive) => directive.trim())
    .filter((directive) => directive !== "");
  const name = (directive: string): string => directive.split(/\s+/)[0]?.toLowerCase() ?? "";
  const out = directives.filter((directive) => name(directive) !== "connect-src");
  out.push("connect-src 'self'");
  const scriptIndex = out.findIndex((directive) => name(directive) === "script-src");
  const scripts = scriptIndex < 0 ? undefined : out[scriptIndex];
  // With a nonce or hash in script-src, browsers ignore 'unsafe-inline': the injected script needs its hash.
  if (scripts !== undefined && /'(nonce-|sha(256|384|512)-)/i.test(scripts)) out[scriptIndex] = `${scripts} ${scriptHash()}`;
  else if (scripts === undefined) out.push(`script-src ${scriptHash()}`);
  return out.join("; ");
}

const POLICY_META = /(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")([^"]*)(")/i;

/** The report's policy meta tag rewritten by `devContentSecurityPolicy`; a page without one is left alone. */
export function withDevPolicy(page: string): string {
  return page.replace(POLICY_META, (_match, before: string, policy: string, after: string) => `${before}${devContentSecurityPolicy(policy.replace(/&#39;/g, "'"))}${after}`);
}

/** `below`: what is on the page under the overlay (a report from an earlier build, nothing, or a failed build's page). */
export function errorOverlay(error: string, below: DevPageBelow = "last good"): string {
  return html`<div data-fragtax="build-error" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;background:#7f1d1d;color:#fff;padding:1em 1.5em;font:14px/1.4 ui-monospace,monospace;z-index:99999;white-space:pre-wrap"><strong>${devMessages.devBuildFailedTitle(below)}</strong>
${framesUnwrapped(error)}</div>`.value;
}

/** A code frame's line: `  2 | code`, `> 4 | code`, `    |   ^` (util/code-frame.ts). */
const FRAME_LINE = /^[> ] *\d* \|/;

/**
 * The error's prose wraps; its code frames do not (they scroll sideways): a wrapped line of code put
 * the caret under the wrong character, at the start of the line.
 */
function framesUnwrapped(error: string): Html {
  const blocks: { frame: boolean; lines: string[] }[] = [];
  for (const line of error.split("\n")) {
    const frame = FRAME_LINE.test(line);
    const last = blocks.at(-1);
    if (last !== undefined && last.frame === frame) last.lines.push(line);
    else blocks.push({ frame, lines: [line] });
  }
  return html`${blocks.map((block) => (block.frame ? html`<div style="white-space:pre;overflow-x:auto">${block.lines.join("\n")}</div>` : html`${block.lines.join("\n")}`))}`;
}

/** The served page: dev policy, the error of a failed rebuild over the last good report, live reload; `build`: the build it shows (PreviewServer.build). */
export function devPage(page: string, error: string | null, build: string, below: DevPageBelow = "last good"): string {
  const withError = error === null ? page : insertBeforeBodyClose(page, errorOverlay(error, below));
  return insertBeforeBodyClose(withDevPolicy(withError), html`<script data-fragtax="live-reload" data-build="${build}">${rawHtml(LIVE_RELOAD_SCRIPT)}</script>`.value);
}

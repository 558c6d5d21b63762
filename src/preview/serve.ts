/**
 * The live-preview server: serves `out/build/` and nothing outside it, with live reload over
 * server-sent events and, when the latest rebuild failed, its error shown on top of the last good page.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { hostname } from "node:os";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { realpath } from "node:fs/promises";
import { extname, join, posix, sep } from "node:path";
import * as devMessages from "../messages/dev";
import { html } from "../util/html";
import { readPlainFile } from "../util/plain-file";
import { devPage, EVENTS_PATH } from "./dev-page";
import { FAILED_PAGE_MARK } from "../vocabulary/failed-page";
import type { DevPageBelow } from "../messages/dev";

/** How long a request waits for out/build to be back during a build's swap: 40 × 25 ms. */
const SWAP_RETRIES = 40;
const SWAP_RETRY_MS = 25;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".pdf": "application/pdf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Maps a request path to a file inside `root`, or null when it would leave it: `..` segments (raw or
 * percent-encoded, with `/` or `\`), NUL bytes, malformed encoding. Pure.
 */
export function resolveRequestPath(root: string, requestUrl: string): string | null {
  const pathname = requestUrl.split(/[?#]/)[0] ?? "";
  if (!pathname.startsWith("/")) return null; // absolute-form (http://…) and other oddities
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const segments = decoded.replace(/\\/g, "/").split("/");
  if (segments.some((segment) => segment === "..")) return null;
  const normalized = posix.normalize(decoded.replace(/\\/g, "/")).replace(/^\/+/, "");
  const relativePath = normalized === "" || normalized.endsWith("/") ? `${normalized}report.html` : normalized;
  const full = join(root, relativePath);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null;
}

/** Addresses that mean "every interface": a preview listening there is meant for other machines too. */
const WILDCARD_HOSTS = ["0.0.0.0", "::", ""];

/** An IP address as a Host header names it (dotted IPv4, or IPv6 in brackets). */
const isAddress = (name: string): boolean => name.startsWith("[") || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(name);

/**
 * The one name, besides IP addresses and `localhost`, the preview answers to: the host it was told
 * to listen on when that is a name, this machine's name when it listens on every interface.
 */
export function answeredName(listenHost: string, machineName: string): string | undefined {
  const listening = listenHost.toLowerCase().replace(/\.$/, "");
  if (WILDCARD_HOSTS.includes(listening)) return machineName.toLowerCase();
  return listening.includes(":") || isAddress(listening) || listening === "localhost" ? undefined : listening;
}

/**
 * Whether a request's Host header names this server. A page on another site can point its own name
 * at this machine (DNS rebinding) and then read the preview as same-origin; its requests still carry
 * that name, so only names an attacker cannot own are answered: an IP address (rebinding needs a
 * name), `localhost`, the host it was told to listen on, and, when it listens on every interface,
 * this machine's own name (`machineName`). The port is not compared: a forwarded port (ssh -L,
 * docker -p, an editor's port forwarding) reaches the preview under another one. Pure.
 */
export function hostAllowed(header: string | undefined, listenHost: string, machineName: string): boolean {
  if (header === undefined) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header.trim());
  if (!match) return false;
  const name = (match[1] ?? "").toLowerCase().replace(/\.$/, "");
  return isAddress(name) || name === "localhost" || name === answeredName(listenHost, machineName);
}

const RELOAD = "event: reload\ndata: \n\n";
/** The event telling a page its report is out of date, with the sentence it shows (JSON: one line, whatever a path in it holds). */
const building = (banner: string): string => `event: building\ndata: ${JSON.stringify(banner)}\n\n`;

export interface PreviewState {
  /** The error of the latest rebuild, or null when it succeeded. */
  error: string | null;
}

/** Open connections dev serves at once, and of them live-reload pages (each a connection it keeps open). */
const MAX_CONNECTIONS = 256;
const MAX_LIVE_PAGES = 128;
/** How long a request may take to send its headers (and itself: a GET has no body) before it is dropped. */
const HEADERS_MS = 10_000;

export class PreviewServer {
  private readonly clients = new Set<ServerResponse>();
  /**
   * Which build a page shows: this process's token and the number of rebuilds finished. A page is
   * served with it and subscribes with it, so one that missed a reload (a build finished while it
   * loaded, or while dev was restarting) is told to reload the moment it subscribes.
   */
  private readonly token = randomBytes(4).toString("hex");
  private finished = 0;
  /**
   * What a page must say until the next rebuild ends, or null: the latest change no finished rebuild
   * shows yet, or, at first, that the report on disk is from before dev started (sources edited
   * since would not be in it).
   */
  private pending: string | null;
  /** The host it was told to listen on and the port it got: what a request's Host header must name. */
  private listening: { host: string; port: number } | null = null;
  readonly server: Server;

  constructor(
    private readonly root: string,
    private readonly state: PreviewState,
  ) {
    // A request's headers must arrive within HEADERS_MS (Node allows a minute): a local script trickling
    // header lines on a few hundred connections held every slot below for that long.
    this.server = createServer({ headersTimeout: HEADERS_MS, requestTimeout: HEADERS_MS, connectionsCheckingInterval: 1000 }, (request, response) => void this.handle(request, response));
    // Each connection holds a file descriptor: unbounded (a page opened 400 times, a script), they took
    // every one dev had, and its watchers and rebuilds failed with EMFILE. Past this, new ones are refused.
    this.server.maxConnections = MAX_CONNECTIONS;
    // With no report on disk there is none to call old: the page saying the first build runs is all.
    this.pending = existsSync(join(root, "report.html")) ? devMessages.devFirstBuildBanner() : null;
  }

  listen(port: number, host: string): Promise<{ port: number; host: string }> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        this.listening = { host, port: typeof address === "object" && address ? address.port : port };
        resolve(typeof address === "object" && address ? { port: address.port, host: address.address } : { port, host });
      });
    });
  }

  /** The build a page served now shows (see `token`). */
  get build(): string {
    return `${this.token}-${this.finished}`;
  }

  /** Tell every open page that `path` changed: until a rebuild ends, what it shows is out of date. */
  changing(path: string): void {
    this.pending = devMessages.devRebuildingBanner(path);
    for (const client of this.clients) client.write(building(this.pending));
  }

  /**
   * Tell every open page to reload (after a successful or failed rebuild). `current`: no change came
   * while that rebuild ran; else the reloaded page is still out of date, and says so.
   */
  notify(current = true): void {
    if (current) this.pending = null;
    this.finished++;
    for (const client of this.clients) client.write(RELOAD);
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    this.clients.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // First, before any file or the live-reload channel: a request for another name gets nothing.
    if (this.listening === null || !hostAllowed(request.headers.host, this.listening.host, hostname())) {
      return this.send(response, 421, devMessages.devWrongHost(answeredName(this.listening?.host ?? "127.0.0.1", hostname())));
    }
    if (request.method !== "GET" && request.method !== "HEAD") return this.send(response, 405, "method not allowed");
    const url = request.url ?? "/";
    if (url.split("?")[0] === EVENTS_PATH) return this.subscribe(request, response, new URLSearchParams(url.split("?")[1] ?? "").get("since"));
    const file = resolveRequestPath(this.root, url);
    if (!file) return this.send(response, 403, devMessages.devForbiddenPath());
    // Taken before the file is read: the page read is then at least as new as the build it names.
    const build = this.build;
    const reportPage = file === join(this.root, "report.html");
    let body: Buffer;
    try {
      const read = await this.readInside(file);
      if (read === "outside") return this.send(response, 403, devMessages.devForbiddenPath());
      body = read;
    } catch {
      // No build has written a report yet: the error alone, not claiming a report below it.
      if (this.state.error && reportPage) return this.sendHtml(response, `<!doctype html><html><body></body></html>`, build, "none");
      // The first build is under way: a page that reloads when it ends, not a 404 that never does.
      if (this.finished === 0 && reportPage) return this.sendHtml(response, noticePage(devMessages.devFirstBuildUnderWay()), build);
      // Not there after a build (out/build removed by hand): a page that shows the report when the next build ends.
      if (reportPage) return this.sendHtml(response, noticePage(devMessages.devNoReportNow()), build, "none");
      return this.send(response, 404, devMessages.devNotFound(this.finished === 0));
    }
    // A failed build's page (a `fragtax build` run beside dev wrote it): not "the last good report".
    if (extname(file) === ".html") {
      const page = body.toString("utf8");
      return this.sendHtml(response, page, build, page.includes(FAILED_PAGE_MARK) ? "failed" : "last good");
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    response.end(request.method === "HEAD" ? undefined : body);
  }

  /**
   * The file, read only when its real path is inside out/build (a symlink there must not lead outside
   * it either). A build swaps its new out/build in by two renames: in the moment between them there
   * is no out/build, and a page asked for then got a plain 404 with no live reload, stuck until
   * reloaded by hand. While out/build is missing, the read is tried again (a swap takes milliseconds).
   */
  private async readInside(file: string): Promise<Buffer | "outside"> {
    // Whether out/build was there after the last failed read: a second failure with it there is final.
    let wasThere = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const real = await realpath(file);
        const realRoot = await realpath(this.root);
        if (!real.startsWith(realRoot + sep)) return "outside";
        // Only a plain file: a FIFO left in out/build would hold a pool thread until written to, and a
        // few such requests held them all (the server, and its rebuilds, stopped answering).
        return await readPlainFile(real);
      } catch (error) {
        // With out/build there, once more at once: it may have come back between the failed read and
        // this check (that race answered "no report" while the report was in place); a file missing
        // from an out/build that is there fails twice. Without it, again after a moment.
        const there = existsSync(this.root);
        if (attempt >= SWAP_RETRIES || (there && wasThere)) throw error;
        wasThere = there;
        if (!there) await new Promise((resolve) => setTimeout(resolve, SWAP_RETRY_MS));
      }
    }
  }

  private sendHtml(response: ServerResponse, page: string, build: string, below: DevPageBelow = "last good"): void {
    response.writeHead(200, { "content-type": TYPES[".html"] ?? "text/html", "cache-control": "no-store" });
    response.end(devPage(page, this.state.error, build, below));
  }

  /** `since`: the build the subscribing page shows; another than the latest means it missed a reload. */
  private subscribe(request: IncomingMessage, response: ServerResponse, since: string | null): void {
    if (this.clients.size >= MAX_LIVE_PAGES) return this.send(response, 503, devMessages.devTooManyPages(MAX_LIVE_PAGES));
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    response.write(": connected\n\n");
    if (since !== null && since !== this.build) response.write(RELOAD);
    else if (this.pending !== null) response.write(building(this.pending));
    this.clients.add(response);
    request.on("close", () => this.clients.delete(response));
  }

  private send(response: ServerResponse, status: number, text: string): void {
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    response.end(`${text}\n`);
  }
}

/** A page of one notice in place of the report (the live-reload script is added as to any page). */
function noticePage(text: string): string {
  return html`<!doctype html><html><head><title>fragtax dev</title></head><body><p>${text}</p></body></html>`.value;
}

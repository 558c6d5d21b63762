import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { connect } from "node:net";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { startDev } from "../../src/preview/dev";
import { devContentSecurityPolicy, devPage, EVENTS_PATH, LIVE_RELOAD_SCRIPT } from "../../src/preview/dev-page";
import type { DevSession } from "../../src/preview/dev";
import { hostAllowed, resolveRequestPath } from "../../src/preview/serve";

/** Sends a request line exactly as written (fetch would normalise `/../` away and set its own Host). */
function rawGet(port: number, path: string, host = `127.0.0.1:${port}`): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, "127.0.0.1", () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let data = "";
    socket.on("data", (chunk: Buffer) => (data += chunk.toString()));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

/** What the event stream of the dev server at `url` says in its first 300 ms to a page that shows build `since`. */
function eventsSaid(url: string, since: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = get(`${url}${EVENTS_PATH.slice(1)}?since=${encodeURIComponent(since)}`, { agent: false }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      setTimeout(() => (request.destroy(), resolve(text)), 300);
    });
    request.on("error", reject);
  });
}

let root: string;
let session: DevSession | undefined;
let fail: string | null;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "fragtax-dev-"));
  await mkdir(join(root, "out/build"), { recursive: true });
  await mkdir(join(root, "notebooks"), { recursive: true });
  await writeFile(join(root, "secret.txt"), "TOP-SECRET");
  await writeFile(join(root, "out/build/report.html"), "<html><body><h1>Good report</h1></body></html>");
  fail = null;
  session = await startDev(
    { root, buildDir: join(root, "out/build"), port: 0, host: "127.0.0.1", watch: ["notebooks"], debounceMs: 50 },
    {
      rebuild: async () => {
        if (fail) throw new Error(fail);
      },
      progress: () => undefined,
    },
  );
  await session.idle();
});
afterEach(async () => {
  await session?.close();
  await rm(root, { recursive: true, force: true });
});

const port = () => Number(new URL(session?.url ?? "").port);

/** Makes the next rebuild fail with `error` (an edit triggers it) and returns the page served then. */
async function servedAfterFailure(error: string): Promise<string> {
  fail = error;
  await writeFile(join(root, "notebooks/a.ipynb"), "{}");
  for (let tries = 0; session?.state.error === null && tries < 100; tries++) await new Promise((r) => setTimeout(r, 30));
  return (await fetch(session?.url ?? "")).text();
}

describe("fragtax dev server", () => {
  it("listens on loopback only by default and serves the report with live reload", async () => {
    const address = session?.server.server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
    const page = await (await fetch(session?.url ?? "")).text();
    expect(page).toContain("Good report");
    expect(page).toContain("EventSource");
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt", "/a/../../secret.txt", "//../secret.txt", "http://x/../secret.txt", "/%00"])(
    "refuses %s",
    async (path) => {
      const response = await rawGet(port(), path);
      expect(response).not.toContain("TOP-SECRET");
      expect(response).toMatch(/^HTTP\/1\.1 (400|403)/);
    },
  );

  // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 would read the preview as its own origin.
  it.each(["evil.example", "evil.example:PORT", "localhost.evil.example:PORT", "127.0.0.1.nip.io:PORT", "localhost:PORT@evil.example", ""])(
    "refuses a request whose Host is %s, for a page and for the live-reload channel",
    async (host) => {
      for (const path of ["/", "/report.html", EVENTS_PATH]) {
        const response = await rawGet(port(), path, host.replace("PORT", String(port())));
        expect(response).toMatch(/^HTTP\/1\.1 421 /);
        expect(response).toContain("answers only to an IP address or localhost");
        expect(response).not.toContain("Good report");
        expect(response).not.toContain("text/event-stream");
      }
    },
  );

  // A forwarded port (ssh -L 8080:localhost:PORT, docker -p) arrives under another port number.
  it.each(["127.0.0.1:PORT", "localhost:PORT", "LOCALHOST:PORT", "[::1]:PORT", "localhost:8080", "127.0.0.1"])("serves a request whose Host is %s", async (host) => {
    const response = await rawGet(port(), "/", host.replace("PORT", String(port())));
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toContain("Good report");
  });

  it("accepts IP addresses, localhost, the host it was told to listen on and, on every interface, the machine's name", () => {
    expect(hostAllowed("fragtax.test:4321", "fragtax.test", "box")).toBe(true);
    expect(hostAllowed("fragtax.test.:4322", "fragtax.test", "box")).toBe(true);
    expect(hostAllowed("[::1]:4321", "::1", "box")).toBe(true);
    expect(hostAllowed("[fe80::1]:4321", "fe80::1", "box")).toBe(true);
    expect(hostAllowed("other.test:4321", "fragtax.test", "box")).toBe(false);
    // --host 0.0.0.0 serves other machines: they come by its address or its name, never another site's.
    expect(hostAllowed("192.168.1.5:4321", "0.0.0.0", "box")).toBe(true);
    expect(hostAllowed("Box:4321", "0.0.0.0", "box")).toBe(true);
    expect(hostAllowed("box:4321", "127.0.0.1", "box")).toBe(false);
    expect(hostAllowed("evil.example:4321", "0.0.0.0", "box")).toBe(false);
    expect(hostAllowed("evil.example:4321", "::", "box")).toBe(false);
    expect(hostAllowed("localhost", "127.0.0.1", "box")).toBe(true);
    expect(hostAllowed(undefined, "127.0.0.1", "box")).toBe(false);
    expect(hostAllowed("localhost:4321@evil", "127.0.0.1", "box")).toBe(false);
  });

  it("follows at most 128 pages at once: the next is refused with what to do, not a file descriptor dev needs taken", async () => {
    const held: Array<ReturnType<typeof get>> = [];
    try {
      for (let i = 0; i < 128; i++) {
        await new Promise<void>((resolve, reject) => {
          const request = get(`${session?.url ?? ""}${EVENTS_PATH.slice(1)}`, { agent: false }, () => resolve());
          request.on("error", reject);
          held.push(request);
        });
      }
      const refused = await rawGet(port(), EVENTS_PATH);
      expect(refused).toMatch(/^HTTP\/1\.1 503/);
      expect(refused).toContain("fragtax dev follows at most 128 open pages at once; close some tabs of the report");
    } finally {
      for (const request of held) request.destroy();
    }
    // Their connections gone, a page is followed again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await eventsSaid(session?.url ?? "", "")).toContain(": connected");
  });

  it("drops a connection that trickles its headers past 10 s (Node waits a minute), and keeps serving a page it follows", async () => {
    const page = get(`${session?.url ?? ""}${EVENTS_PATH.slice(1)}`, { agent: false });
    await new Promise<void>((resolve, reject) => page.on("response", () => resolve()).on("error", reject));
    const started = Date.now();
    const socket: Socket = connect(port(), "127.0.0.1", () => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n`));
    // A header line every 2 s, never the blank line that ends them.
    const trickle = setInterval(() => socket.write("X-Slow: 1\r\n"), 2000);
    try {
      await new Promise<void>((resolve) => socket.on("close", () => resolve()).on("error", () => resolve()));
    } finally {
      clearInterval(trickle);
    }
    const lasted = Date.now() - started;
    expect(lasted).toBeGreaterThanOrEqual(9_000);
    expect(lasted).toBeLessThan(20_000);
    // The live-reload page, which sent its headers at once, is still followed.
    expect(page.destroyed).toBe(false);
    page.destroy();
  }, 40_000);

  it("maps only paths inside the root", () => {
    expect(resolveRequestPath("/srv/build", "/")).toBe("/srv/build/report.html");
    expect(resolveRequestPath("/srv/build", "/figures.json?x=1")).toBe("/srv/build/figures.json");
    expect(resolveRequestPath("/srv/build", "/%2e%2e/etc/passwd")).toBeNull();
    expect(resolveRequestPath("/srv/build", "/%E0%A4%A")).toBeNull();
  });

  it("answers a FIFO in out/build with a 404 at once, and goes on serving (reads of it held every pool thread)", async () => {
    const fifo = join(root, "out/build/executed/fifo.txt");
    await mkdir(join(root, "out/build/executed"));
    execFileSync("mkfifo", [fifo]);
    const at = port();
    // More requests than libuv has threads (4): with a plain read, each held one until a writer came.
    const answers = await Promise.all(Array.from({ length: 6 }, () => rawGet(at, "/executed/fifo.txt")));
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(await rawGet(at, "/")).toContain("Good report");
  }, 20_000);

  it("shows a failed rebuild's error over the last good report, and clears it after a fix", async () => {
    const broken = await servedAfterFailure("notebooks/a.ipynb: cell 2: ReferenceError: x is not defined");
    expect(broken).toContain("Good report");
    expect(broken).toContain("ReferenceError: x is not defined");
    expect(broken).toContain("Build failed — showing the last good report");
    fail = null;
    await writeFile(join(root, "notebooks/a.ipynb"), '{"fixed":true}');
    for (let tries = 0; session?.state.error !== null && tries < 100; tries++) await new Promise((r) => setTimeout(r, 30));
    expect(await (await fetch(session?.url ?? "")).text()).not.toContain("ReferenceError");
  });

  it("a rebuild that fails because dev is stopping (Ctrl-C reached its Deno too) is not reported as a failed build", async () => {
    const lines: string[] = [];
    let interrupt: (() => void) | undefined;
    const stopping = await startDev(
      { root, buildDir: join(root, "out/build"), port: 0, host: "127.0.0.1", watch: ["notebooks"], debounceMs: 10 },
      {
        rebuild: () => new Promise<void>((_resolve, reject) => (interrupt = () => reject(new Error("the notebook's worker stopped unexpectedly: deno was stopped by SIGINT")))),
        progress: (line) => lines.push(line),
      },
    );
    const closed = stopping.close();
    interrupt?.();
    await closed;
    expect(lines.filter((line) => line.startsWith("build failed"))).toEqual([]);
  });

  it("interrupt() abandons the rebuild under way without waiting for it, and starts no queued one", async () => {
    let rebuilds = 0;
    let abandoned = 0;
    let finish: (() => void) | undefined;
    const interrupted = await startDev(
      { root, buildDir: join(root, "out/build"), port: 0, host: "127.0.0.1", watch: ["notebooks"], debounceMs: 10 },
      {
        // The first (at start) ends at once; the next runs until the test ends it, as a hung cell would not.
        rebuild: () => (++rebuilds === 1 ? Promise.resolve() : new Promise<void>((resolve) => (finish = resolve))),
        abandon: async () => (abandoned++, true),
        progress: () => undefined,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // chokidar's first look
    await writeFile(join(root, "notebooks/a.ipynb"), "{}");
    for (let tries = 0; rebuilds < 2 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(root, "notebooks/a.ipynb"), '{"again":true}'); // queues one more
    await new Promise((resolve) => setTimeout(resolve, 100));
    // It says what it did: the rebuild under way abandoned, after the first finished.
    expect(await interrupted.interrupt()).toEqual({ abandoned: true, built: true });
    finish?.();
    await interrupted.close();
    expect({ rebuilds, abandoned }).toEqual({ rebuilds: 2, abandoned: 1 });
  });

  it("tells a page that missed a reload (a build finished while it loaded, or dev restarted) to reload as it subscribes", async () => {
    const page = await (await fetch(session?.url ?? "")).text();
    const build = /data-fragtax="live-reload" data-build="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(build).not.toBe("");
    const firstEvent = (since: string): Promise<string> => eventsSaid(session?.url ?? "", since);
    expect(await firstEvent(build)).not.toContain("event: reload");
    fail = "boom";
    await servedAfterFailure("boom");
    console.log("T2", performance.now()); // a rebuild finished after the page was served
    expect(await firstEvent(build)).toContain("event: reload");
    expect(await firstEvent("another-dev-process-0")).toContain("event: reload");
  });

  it("tells open pages a change is waiting for its rebuild, until a rebuild that began after it ends", async () => {
    const held: (() => void)[] = [];
    let rebuilds = 0;
    const gated = await startDev(
      { root, buildDir: join(root, "out/build"), port: 0, host: "127.0.0.1", watch: ["notebooks"], debounceMs: 30 },
      { rebuild: () => (++rebuilds === 1 ? Promise.resolve() : new Promise<void>((resolve) => held.push(resolve))), progress: () => undefined },
    );
    const said = async (): Promise<string> => {
      const page = await (await fetch(gated.url)).text();
      return eventsSaid(gated.url, /data-build="([^"]+)"/.exec(page)?.[1] ?? "");
    };
    const until = async (done: () => boolean): Promise<void> => {
      for (let tries = 0; !done() && tries < 100; tries++) await new Promise((r) => setTimeout(r, 30));
    };
    try {
      await gated.idle();
      await new Promise((resolve) => setTimeout(resolve, 300)); // chokidar's first look
      expect(await said()).not.toContain("event: building");
      await writeFile(join(root, "notebooks/a.ipynb"), "{}");
      await until(() => held.length === 1);
      expect(await said()).toContain('event: building\ndata: "Rebuilding: notebooks/a.ipynb changed.');
      await writeFile(join(root, "notebooks/b $` <i>.ipynb"), "{}"); // while that rebuild runs
      await new Promise((resolve) => setTimeout(resolve, 200));
      held[0]?.();
      await until(() => held.length === 2);
      // Reloaded after the first rebuild, a page still is out of date: the second change is not in it.
      expect(await said()).toContain('event: building\ndata: "Rebuilding: notebooks/b $` <i>.ipynb changed.');
      held[1]?.();
      await gated.idle();
      expect(await said()).not.toContain("event: building");
    } finally {
      for (const release of held) release();
      await gated.close();
    }
  });

  it("says, while dev's first build runs, that the report on disk may predate the latest edits", async () => {
    let finish: (() => void) | undefined;
    const first = await startDev(
      { root, buildDir: join(root, "out/build"), port: 0, host: "127.0.0.1", watch: ["notebooks"], debounceMs: 10 },
      { rebuild: () => new Promise<void>((resolve) => (finish = resolve)), progress: () => undefined },
    );
    const said = async (): Promise<string> => {
      const page = await (await fetch(first.url)).text();
      expect(page).toContain("Good report"); // from before dev started
      return eventsSaid(first.url, /data-build="([^"]+)"/.exec(page)?.[1] ?? "");
    };
    try {
      expect(await said()).toContain("event: building\ndata: \"Building: this page shows the report built before fragtax dev started");
      finish?.();
      await first.idle();
      expect(await said()).not.toContain("event: building");
    } finally {
      finish?.();
      await first.close();
    }
  });

  it("while the first build is under way, serves a page that reloads when it ends, not a 404", async () => {
    let finish: (() => void) | undefined;
    const empty = await mkdtemp(join(tmpdir(), "fragtax-dev-"));
    const first = await startDev(
      { root: empty, buildDir: join(empty, "out/build"), port: 0, host: "127.0.0.1", watch: ["notebooks"], debounceMs: 10 },
      { rebuild: () => new Promise<void>((resolve) => (finish = resolve)), progress: () => undefined },
    );
    try {
      for (const path of ["", "report.html"]) {
        const response = await fetch(first.url + path);
        expect(response.status).toBe(200);
        const page = await response.text();
        expect(page).toContain("the first build is under way");
        expect(page).toContain(LIVE_RELOAD_SCRIPT);
        // No banner about a report built before dev: there is none.
        expect(await eventsSaid(first.url, /data-build="([^"]+)"/.exec(page)?.[1] ?? "")).not.toContain("event: building");
      }
      finish?.();
      await first.idle();
      // A build that wrote no report says so, on a page that shows the report when a later build writes one.
      const none = await fetch(first.url);
      expect(none.status).toBe(200);
      const nonePage = await none.text();
      expect(nonePage).toContain("out/build holds no report right now; this page shows the report when the next build ends");
      expect(nonePage).toContain(LIVE_RELOAD_SCRIPT);
      const other = await fetch(`${first.url}missing.png`);
      expect([other.status, await other.text()]).toEqual([404, "not found\n"]);
    } finally {
      finish?.();
      await first.close();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("during a build's swap (out/build gone for a moment between two renames), a request waits for it: the report, not a dead-end 404", async () => {
    const build = join(root, "out/build");
    await rename(build, `${build}.old`);
    const asked = fetch(session?.url ?? "");
    await new Promise((resolve) => setTimeout(resolve, 150));
    await rename(`${build}.old`, build);
    const response = await asked;
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Good report");
  });

  it("with no report built yet, shows the error without claiming a last good report", async () => {
    await rm(join(root, "out/build/report.html"));
    const page = await servedAfterFailure("notebooks/a.ipynb: cell 1, line 1, column 1: TS2322: Type 'number' is not assignable to type 'string'.");
    expect(page).toContain("TS2322: Type &#39;number&#39; is not assignable");
    expect(page).toContain("Build failed — no report has been built yet");
    expect(page).not.toContain("last good");
  });
});

describe("the dev page policy", () => {
  it("adds connect-src 'self' to the report's policy and leaves every other directive alone", () => {
    const policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
    expect(devContentSecurityPolicy(policy)).toBe(`${policy}; connect-src 'self'`);
    expect(devContentSecurityPolicy("default-src 'none'; script-src 'unsafe-inline'; connect-src 'none'")).toBe("default-src 'none'; script-src 'unsafe-inline'; connect-src 'self'");
  });

  it("with nonce-based scripts, allows the live-reload script by its hash (not by opening 'unsafe-inline')", () => {
    const hash = `'sha256-${createHash("sha256").update(LIVE_RELOAD_SCRIPT).digest("base64")}'`;
    const dev = devContentSecurityPolicy("default-src 'none'; script-src 'nonce-abc123'");
    expect(dev).toBe(`default-src 'none'; script-src 'nonce-abc123' ${hash}; connect-src 'self'`);
    expect(dev).not.toContain("unsafe");
  });

  it("rewrites only the served copy's meta tag", () => {
    const page = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"></head><body>x</body></html>`;
    const served = devPage(page, "boom <script>", "b-1");
    expect(served).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; connect-src 'self'"`);
    expect(served).toContain("boom &lt;script&gt;");
    expect(served).toContain(LIVE_RELOAD_SCRIPT);
  });
});

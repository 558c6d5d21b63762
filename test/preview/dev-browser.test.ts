// `fragtax dev` as an analyst uses it: the real CLI process serving a real project, a real Chromium
// page, edits on disk, and what the page shows afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { appendCell, tempProject, type TempProject } from "../project";

let project: TempProject;
let dev: ChildProcess;
let chromium: LaunchedChromium;
let url = "";
let stderr = "";

/** Resolves with the URL `fragtax dev` prints once it serves the first build. */
function startDev(root: string): Promise<string> {
  dev = spawn("node", ["dist/cli.cjs", "dev", "--port", "0", "--root", root], { stdio: ["ignore", "ignore", "pipe"] });
  return new Promise((resolve, reject) => {
    dev.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const served = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (served?.[1] && /\bbuilt in|build failed/i.test(stderr)) resolve(served[1]);
    });
    dev.once("exit", (code) => reject(new Error(`fragtax dev exited ${code}: ${stderr}`)));
  });
}

const figureText = (tab: Page): Promise<string> =>
  tab.evaluate(`document.querySelector('[data-figure-id="run_cost_usd"] .fragtax-figure-value')?.textContent ?? ""`) as Promise<string>;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; dev said:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  project = tempProject();
  url = await startDev(project.root);
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  dev?.kill("SIGKILL");
  project?.remove();
});

describe("fragtax dev in real Chromium", () => {
  it("allows exactly the event stream in the served page's policy; the built report keeps its strict policy", async () => {
    const built = readFileSync(join(project.root, "out/build/report.html"), "utf8");
    const builtPolicy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(built)?.[1] ?? "";
    expect(builtPolicy).toContain("default-src 'none'");
    expect(builtPolicy).not.toContain("connect-src");
    const served = await (await fetch(url)).text();
    const servedPolicy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(served)?.[1] ?? "";
    const directives = (policy: string) => policy.split(";").map((d) => d.trim()).filter(Boolean).sort();
    // The served policy is the built one plus connect-src 'self' and the live-reload script's own hash
    // in script-src (the report allows scripts only by hash): nothing removed, nothing else added.
    const scriptSrc = (policy: string) => directives(policy).find((d) => d.startsWith("script-src")) ?? "";
    const withoutScripts = (policy: string) => directives(policy).filter((d) => !d.startsWith("script-src"));
    expect(withoutScripts(servedPolicy)).toEqual([...withoutScripts(builtPolicy), "connect-src 'self'"].sort());
    const builtSources = scriptSrc(builtPolicy).split(/\s+/);
    const servedSources = scriptSrc(servedPolicy).split(/\s+/);
    expect(servedSources.filter((source) => !builtSources.includes(source))).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/=]+'$/)]);
    expect(builtSources.every((source) => servedSources.includes(source))).toBe(true);
  });

  it("reloads after an edit to assumptions.yaml and to a notebook, keeping the scroll position, with no policy error", async () => {
    const tab = await chromium.browser.newPage();
    await tab.setViewport({ width: 800, height: 300 });
    const consoleErrors: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await tab.goto(url, { waitUntil: "load" });
    // The event stream is open (a blocked EventSource never reaches readyState OPEN and logs a CSP error).
    const before = await figureText(tab);
    expect(before).toMatch(/^\$\d/);

    await tab.evaluate("window.scrollTo(0, 400)");
    const scrolled = (await tab.evaluate("window.scrollY")) as number;
    expect(scrolled).toBeGreaterThan(300);

    const yaml = join(project.root, "notebooks/assumptions.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("value: 10000000", "value: 40000000"));
    const saved = performance.now();
    await waitFor(async () => (await figureText(tab)) !== before && (await figureText(tab)) !== "", "the new number after the assumptions edit");
    const reloadMs = performance.now() - saved;
    const after = await figureText(tab);
    expect(after).not.toBe(before);
    // 4× the GPU-hours: $25M (uniform $2–$3 × 10M hours) becomes $100M.
    expect(after).toMatch(/^\$100M/);
    await waitFor(async () => Math.abs(((await tab.evaluate("window.scrollY")) as number) - scrolled) < 2, "the scroll position to be restored", 5_000);
    process.stderr.write(`dev reload (save assumptions.yaml → new number visible in Chromium): ${Math.round(reloadMs)} ms\n`);

    const notebook = join(project.root, "notebooks/01-price.ipynb");
    writeFileSync(notebook, readFileSync(notebook, "utf8").replace("Cost of one training run", "Cost of a single training run"));
    await waitFor(
      async () => ((await tab.evaluate(`document.querySelector('[data-figure-id="run_cost_usd"]')?.textContent ?? ""`)) as string).includes("Cost of a single training run"),
      "the notebook edit",
    );
    expect(consoleErrors.filter((text) => /Content Security Policy|EventSource/i.test(text))).toEqual([]);
    await tab.close();
  }, 90_000);

  it("shows a failed build's located error over the last good report and clears it after the fix", async () => {
    const tab = await chromium.browser.newPage();
    await tab.goto(url, { waitUntil: "load" });
    const good = await figureText(tab);
    const notebook = join(project.root, "notebooks/01-price.ipynb");
    const original = readFileSync(notebook, "utf8");
    const cell = appendCell(project.root, "01-price.ipynb", 'const broken = 1;\nthrow new RangeError("price out of range");');
    const overlay = `document.querySelector('[data-fragtax="build-error"]')?.textContent ?? ""`;
    await waitFor(async () => ((await tab.evaluate(overlay)) as string).includes("price out of range"), "the error overlay");
    expect(await tab.evaluate(overlay)).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 2`);
    // The code frame does not wrap (its caret stayed under the character it points at) at phone width either.
    await tab.setViewport({ width: 390, height: 800 });
    const frames = (await tab.evaluate(`[...document.querySelectorAll('[data-fragtax="build-error"] div')].map((d) => ({ text: d.textContent, style: getComputedStyle(d).whiteSpace, lines: Math.round(d.getBoundingClientRect().height / parseFloat(getComputedStyle(d).lineHeight)) }))`)) as { text: string; style: string; lines: number }[];
    const frame = frames.find((f) => f.text.includes("> 2 |")) ?? { text: "", style: "", lines: 0 };
    expect(frame.style).toBe("pre");
    expect(frame.lines).toBe(frame.text.split("\n").length);
    await tab.setViewport({ width: 1280, height: 800 });
    expect(await figureText(tab)).toBe(good);
    writeFileSync(notebook, original);
    await waitFor(async () => (await tab.evaluate(overlay)) === "" && (await figureText(tab)) === good, "the overlay to clear");
    await tab.close();
  }, 90_000);

  it("does not call a failed build's page, written by a `fragtax build` beside dev, the last good report", async () => {
    const tab = await chromium.browser.newPage();
    await tab.goto(url, { waitUntil: "load" });
    const notebook = join(project.root, "notebooks/01-price.ipynb");
    const original = readFileSync(notebook, "utf8");
    appendCell(project.root, "01-price.ipynb", 'throw new RangeError("price out of range");');
    const title = `document.querySelector('[data-fragtax="build-error"] strong')?.textContent ?? ""`;
    await waitFor(async () => ((await tab.evaluate(title)) as string).includes("showing the last good report"), "the error overlay");
    // The same mistake built by the CLI: out/build/ is now the "This build failed" page.
    const built = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root], { encoding: "utf8", timeout: 120_000 });
    expect(built.status).toBe(1);
    await tab.reload({ waitUntil: "load" });
    expect(await tab.evaluate(`document.querySelector('[data-fragtax="build-failed"]') !== null`)).toBe(true);
    expect(await tab.evaluate(title)).toBe("Build failed — the page below is a failed build's too, not a report");
    writeFileSync(notebook, original);
    await waitFor(async () => (await tab.evaluate(title)) === "" && (await figureText(tab)) !== "", "the fixed build");
    await tab.close();
  }, 180_000);

  it("reloads a page whose event stream opened only after a rebuild finished (a large page still loading), not leaving it stale", async () => {
    const tab = await chromium.browser.newPage();
    // The stream is held back until the rebuild below has finished, as parsing a large report holds it back.
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await tab.setRequestInterception(true);
    tab.on("request", (request) => void (request.url().includes("/__fragtax/events") ? held.then(() => request.continue()) : request.continue()));
    await tab.goto(url, { waitUntil: "load" });
    const before = await figureText(tab);
    const rebuilt = stderr.split("built in").length;
    const yaml = join(project.root, "notebooks/assumptions.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/value: \d+0000000/, "value: 20000000"));
    await waitFor(async () => stderr.split("built in").length > rebuilt, "the rebuild");
    expect(await figureText(tab)).toBe(before);
    release?.();
    await waitFor(async () => (await figureText(tab)).startsWith("$50M"), "the page to show the rebuilt report");
    await tab.close();
  }, 90_000);

  it("says the page is out of date from a change until its rebuild ends, the changed name as text", async () => {
    const tab = await chromium.browser.newPage();
    let dialogs = 0;
    tab.on("dialog", (dialog) => void (dialogs++, dialog.dismiss()));
    await tab.goto(url, { waitUntil: "load" });
    const banner = `document.querySelector('[data-fragtax="dev-status"]')?.textContent ?? ""`;
    expect(await tab.evaluate(banner)).toBe("");
    const name = "<img src=x onerror=alert(1)> $` $&.txt";
    writeFileSync(join(project.root, "notebooks", name), "x");
    await waitFor(async () => ((await tab.evaluate(banner)) as string).includes(`notebooks/${name} changed`), "the banner", 10_000);
    expect(await tab.evaluate(`document.querySelectorAll('[data-fragtax="dev-status"] *').length`)).toBe(0);
    await waitFor(async () => (await tab.evaluate(banner)) === "", "the reload after the rebuild");
    expect(dialogs).toBe(0);
    await tab.close();
  }, 90_000);

  it("lets a seventh tab load (hidden tabs let their event streams go) and reloads a hidden tab that missed a build when it is shown", async () => {
    // As switching tabs does: headless Chromium keeps every tab visible, so the page is told.
    const setHidden = (tab: Page, hidden: boolean) =>
      tab.evaluate(
        `Object.defineProperty(document, "visibilityState", { configurable: true, get: () => ${JSON.stringify(hidden ? "hidden" : "visible")} }); document.dispatchEvent(new Event("visibilitychange"))`,
      );
    const tabs: Page[] = [];
    for (let count = 0; count < 6; count++) {
      const tab = await chromium.browser.newPage();
      await tab.goto(url, { waitUntil: "load" });
      await setHidden(tab, true);
      tabs.push(tab);
    }
    const seventh = await chromium.browser.newPage();
    await seventh.goto(url, { waitUntil: "load", timeout: 10_000 }); // six open streams would hold it forever
    const [first] = tabs;
    if (first === undefined) throw new Error("no tab");
    const before = await figureText(first);
    const rebuilt = stderr.split("built in").length;
    const yaml = join(project.root, "notebooks/assumptions.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/value: \d+/, "value: 60000000"));
    await waitFor(async () => stderr.split("built in").length > rebuilt, "the rebuild");
    await waitFor(async () => (await figureText(seventh)).startsWith("$150M"), "the visible tab to reload");
    expect(await figureText(first)).toBe(before);
    await setHidden(first, false);
    await waitFor(async () => (await figureText(first)).startsWith("$150M"), "the tab shown again to reload");
    for (const tab of [...tabs, seventh]) await tab.close();
  }, 90_000);

  // Last: it stops the dev process the tests above share, and starts another on the same port.
  it("says so while dev is stopped, and shows the new build once dev is back", async () => {
    const tab = await chromium.browser.newPage();
    await tab.goto(url, { waitUntil: "load" });
    const status = `document.querySelector('[data-fragtax="dev-status"]')?.textContent ?? ""`;
    expect(await tab.evaluate(status)).toBe("");
    const stopped = new Promise((resolve) => dev.once("exit", resolve));
    dev.kill("SIGINT");
    await stopped;
    await waitFor(async () => ((await tab.evaluate(status)) as string).includes("fragtax dev is not running"), "the banner saying dev stopped", 10_000);
    const yaml = join(project.root, "notebooks/assumptions.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/value: \d+/, "value: 80000000"));
    dev = spawn("node", ["dist/cli.cjs", "dev", "--port", new URL(url).port, "--root", project.root], { stdio: ["ignore", "ignore", "pipe"] });
    dev.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    await waitFor(async () => (await figureText(tab)).startsWith("$200M"), "the page to show dev's new build");
    expect(await tab.evaluate(status)).toBe("");
    await tab.close();
  }, 90_000);
});

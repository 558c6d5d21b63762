// The PDF step of `fragtax build` on any machine: the same pages whatever fonts the system has, a
// failed print that keeps the previous report.pdf, two builds at once. Real CLI (dist/cli.cjs),
// real Chromium, poppler for reading the PDFs back; plus the report's own fonts.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { embedFonts, FontPackageError } from "../../src/report/fonts";
import { appendCell, tempFolders } from "../project";

const temp = tempFolders();

function fragtaxBuild(root: string, env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync("node", ["dist/cli.cjs", "build", "--root", root], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: run.status, stderr: run.stderr };
}

const pdfOf = (root: string): string => join(root, "out", "build", "report.pdf");
const pageCount = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1]);
/** Font names as pdffonts lists them, without the subset tag ("ABCDEF+"). */
const fontNames = (pdf: string): string[] =>
  [...new Set(spawnSync("pdffonts", [pdf], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean).map((line) => (line.split(/\s+/)[0] ?? "").replace(/^[A-Z]{6}\+/, "")))].sort();
const pagePng = (pdf: string, page: number, out: string): Buffer => {
  spawnSync("pdftoppm", ["-r", "40", "-png", "-f", String(page), "-l", String(page), "-singlefile", pdf, out]);
  return readFileSync(`${out}.png`);
};

describe("the PDF does not depend on the machine's fonts", () => {
  it("prints the same pages, fonts and page images with no system font at all (FONTCONFIG_FILE with no fonts)", { timeout: 240_000 }, () => {
    const project = temp.project();
    const scratch = temp.scratch("fragtax-fonts-test-");
    expect(fragtaxBuild(project.root).code).toBe(0);
    const normal = join(scratch, "normal.pdf");
    copyFileSync(pdfOf(project.root), normal);

    const noFonts = join(scratch, "no-fonts.conf");
    writeFileSync(noFonts, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${scratch}/cache</cachedir></fontconfig>\n`);
    // fc-list agrees: this configuration has no fonts.
    expect(spawnSync("fc-list", [], { encoding: "utf8", env: { ...process.env, FONTCONFIG_FILE: noFonts } }).stdout.trim()).toBe("");
    rmSync(pdfOf(project.root));
    expect(fragtaxBuild(project.root, { FONTCONFIG_FILE: noFonts }).code).toBe(0);
    const bare = pdfOf(project.root);

    expect(pageCount(bare)).toBe(pageCount(normal));
    expect(fontNames(bare)).toEqual(fontNames(normal));
    expect(fontNames(normal)).toEqual(expect.arrayContaining(["SourceSerif4-Regular", "SourceSans3ExtraLight-Regular"]));
    for (const page of [1, 2]) expect(pagePng(bare, page, join(scratch, `bare-${page}`)).equals(pagePng(normal, page, join(scratch, `normal-${page}`)))).toBe(true);
  });

  it("inlines the report's fonts as woff2 cut down to the page's characters", async () => {
    const fonts = await embedFonts("Plain text, a × sign, ρ and √2");
    const faces = fonts.css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThanOrEqual(8);
    expect(fonts.css).toContain(`font-family:"Source Serif 4"`);
    expect(fonts.css).toContain(`font-family:"Source Sans 3"`);
    expect(fonts.css).toContain(`font-family:"Source Code Pro"`);
    expect(faces.every((face) => face.includes("src:url(data:font/woff2;base64,"))).toBe(true);
    // √ is in none of the three families: the symbols face (DejaVu Sans) carries it, and only what they lack.
    expect(fonts.symbols).toContain("√");
    expect(fonts.symbols).not.toMatch(/[A-Za-z0-9×ρ]/);
    expect(fonts.css).toMatch(/font-family:"fragtax symbols";[^}]*unicode-range:[^}]*U\+221A/);
    // ρ comes from the families' own Greek subsets.
    expect(fonts.css).toMatch(/font-family:"Source Serif 4";font-style:normal;font-weight:400;[^}]*unicode-range:U\+3C1\}/);
  });

  it("says to run npm install when a font package is missing from node_modules", async () => {
    const lookup = { packageDir: (pkg: string) => (pkg === "@fontsource/source-sans-3" ? undefined : join("node_modules", pkg)) };
    const embedding = embedFonts("text", { lookup });
    await expect(embedding).rejects.toThrow(FontPackageError);
    await expect(embedding).rejects.toThrow("the report's font package @fontsource/source-sans-3 is missing from node_modules; run `npm install` and build again");
  });
});

describe("a print that fails or overlaps", () => {
  it("keeps the previous report.pdf byte for byte when printing fails, and says why", { timeout: 240_000 }, () => {
    const project = temp.project();
    expect(fragtaxBuild(project.root).code).toBe(0);
    const before = readFileSync(pdfOf(project.root));
    appendCell(project.root, "01-price.ipynb", "console.log('the page changed');");
    // An executable that is not a browser: found, launched, fails.
    const run = fragtaxBuild(project.root, { PUPPETEER_EXECUTABLE_PATH: "/bin/false" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the PDF could not be printed: Chromium \(\/bin\/false\) did not start: .+\. The previous report\.pdf, if any, was left as it was/);
    expect(readFileSync(pdfOf(project.root)).equals(before)).toBe(true);
    expect(readFileSync(join(project.root, "out", "build", "report.html"), "utf8")).toContain("the page changed");
    const log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { pdf: { status: string; error: string } };
    expect(log.pdf.status).toBe("failed");
    expect(log.pdf.error).toMatch(/could not be printed/);
  });

  it("two builds printing at once leave one whole PDF, never a mix", { timeout: 240_000 }, async () => {
    const project = temp.project();
    expect(fragtaxBuild(project.root).code).toBe(0);
    rmSync(pdfOf(project.root));
    const root = project.root;
    const runBuild = (env: NodeJS.ProcessEnv) =>
      new Promise<number | null>((resolve) => spawn("node", ["dist/cli.cjs", "build", "--root", root], { stdio: "ignore", env: { ...process.env, ...env } }).on("exit", resolve));
    // Two browsers (the packaged one, the system one where there is one), as two users' machines would differ.
    const other = existsSync("/usr/bin/chromium") ? { PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" } : {};
    const codes = await Promise.all([runBuild({}), runBuild(other)]);
    expect(codes).toEqual([0, 0]);
    const bytes = readFileSync(pdfOf(root));
    const text = bytes.toString("latin1");
    expect(text.match(/%PDF-/g)).toHaveLength(1);
    expect(text.match(/%%EOF/g)).toHaveLength(1);
    expect(pageCount(pdfOf(root))).toBeGreaterThanOrEqual(3);
    expect(spawnSync("pdftotext", [pdfOf(root), "-"], { encoding: "utf8" }).status).toBe(0);
  });
});

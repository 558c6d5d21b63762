/**
 * Real builds (build() with the real engine) of a copy of a fixture project, for the incremental-build
 * tests: each build's console lines, the notebooks it executed and why (build-log.json), its figures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { build, FileBuildEffects } from "../../../src/build/pipeline";
import { tempProject, type TempProject } from "../../project";

export interface LogEntry { readonly notebook: string; readonly status: string; readonly reason: string }

export interface Rebuilt {
  /** The notebooks it executed, by file name. */
  readonly executed: string[];
  readonly log: LogEntry[];
  readonly figures: Record<string, number | undefined>;
}

export class FixtureBuilds {
  readonly project: TempProject;
  /** The console lines of the last build. */
  lines: string[] = [];
  constructor(fixture: string) {
    this.project = tempProject(fixture);
  }
  file(path: string): string {
    return join(this.project.root, path);
  }
  page(): string {
    return readFileSync(this.file("out/build/report.html"), "utf8");
  }
  edit(path: string, from: string, to: string): void {
    const text = readFileSync(this.file(path), "utf8");
    if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
    writeFileSync(this.file(path), text.replace(from, to));
  }
  /** One build; it must succeed. */
  async rebuild(): Promise<Rebuilt> {
    const lines: string[] = [];
    this.lines = lines;
    const result = await build({ root: this.project.root, pdf: false }, new FileBuildEffects((line) => lines.push(line)));
    expect(result.exitCode).toBe(0);
    const log = (JSON.parse(readFileSync(this.file("out/build/build-log.json"), "utf8")) as { notebooks: LogEntry[] }).notebooks;
    const figures = JSON.parse(readFileSync(this.file("out/build/figures.json"), "utf8")) as Array<{ id: string; value?: number; p50?: number }>;
    return {
      executed: log.filter((entry) => entry.status === "executed").map((entry) => entry.notebook.replace("notebooks/", "")),
      log,
      figures: Object.fromEntries(figures.map((figure) => [figure.id, figure.value ?? figure.p50])),
    };
  }
}

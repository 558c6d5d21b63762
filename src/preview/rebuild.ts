/**
 * The rebuild `fragtax dev` runs: `build()` in this process (no CLI subprocess, so the engine's
 * worker bundle, templates and modules stay warm), incremental through the cache, without the PDF.
 *
 * A rebuild whose cells fail, or that cannot read its input, must not replace the last good report:
 * its writes are held in memory and reach out/build/ only when the build succeeded. Otherwise it
 * throws, and the dev server shows the error over the report still on disk.
 */
import { build, FileBuildEffects } from "../build/pipeline";
import * as messages from "../messages/versions";

/** FileBuildEffects whose outputs wait in memory until `commit()`. */
export class HeldBuildEffects extends FileBuildEffects {
  private held: { readonly outDir: string; readonly files: ReadonlyMap<string, string | Uint8Array> } | undefined;

  override async replaceOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
    this.held = { outDir, files };
  }

  async commit(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (!held) return;
    // Under the build lock again: a `fragtax build` in another terminal may be writing out/build.
    const release = await this.lockOutputs(held.outDir);
    try {
      await super.replaceOutputs(held.outDir, held.files);
    } finally {
      await release();
    }
  }
}

export function inProcessRebuild(root: string, log: (line: string) => void): () => Promise<void> {
  return async () => {
    const effects = new HeldBuildEffects(log);
    const result = await build({ root, pdf: false }, effects);
    if (result.failedCells.length > 0) throw new Error(messages.devCellsFailed(result.cellErrors));
    await effects.commit();
  };
}

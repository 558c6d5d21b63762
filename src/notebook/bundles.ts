/**
 * A notebook's import bundle as the engine gets it (execute.ts step 3): from the disk cache, from
 * another notebook of this process making the same one, or made; and started early, from the
 * specifiers the cells' sources name, while the cells compile.
 */
import { dirname } from "node:path";
import type { CompiledCell } from "./cells";
import type { CompileCache } from "./compile-cache";
import { bundleSpecifiers, firstUses, isImportFailure, likelySpecifiers, type ImportBundle, type ImportFailure } from "./imports";

/** Set once esbuild did any work in this process (so a one-off run knows there is a service to stop). */
let compilerUsed = false;

export function noteCompilerUsed(): void {
  compilerUsed = true;
}

export function compilerWasUsed(): boolean {
  return compilerUsed;
}

/**
 * Bundles being made in this process, by cache key. A build's chapters in one folder import the same
 * modules, so a cold build asked for the same bundle nine times at once, and made it nine times. A
 * key names everything a bundle is made from (cache.bundleKey), as for the disk cache, so the other
 * notebooks wait for the one being made.
 */
const bundlesInFlight = new Map<string, Promise<ImportBundle | ImportFailure>>();

export async function bundleCached(cache: CompileCache | undefined, specifiers: readonly string[], file: string, root: string, make: () => Promise<ImportBundle | ImportFailure>): Promise<ImportBundle | ImportFailure> {
  const key = cache?.bundleKey(specifiers, dirname(file), root);
  if (key === undefined) {
    if (specifiers.length > 0) noteCompilerUsed();
    return make();
  }
  const pending = bundlesInFlight.get(key);
  if (pending !== undefined) {
    const shared = await pending;
    // A failure is located at this notebook's own first use of the module: made again, for this notebook.
    return isImportFailure(shared) ? make() : shared;
  }
  const made = (async () => {
    const hit = await cache?.readBundle(key);
    if (hit) return hit;
    if (specifiers.length > 0) noteCompilerUsed();
    const bundle = await make();
    if (!isImportFailure(bundle)) await cache?.writeBundle(key, bundle);
    return bundle;
  })();
  bundlesInFlight.set(key, made);
  try {
    return await made;
  } finally {
    bundlesInFlight.delete(key);
  }
}

/** A bundle started before the cells compiled, and the specifiers it was started for. */
export interface EarlyBundle {
  readonly specifiers: readonly string[];
  readonly bundle: Promise<ImportBundle | ImportFailure>;
}

export function earlyBundle(cache: CompileCache, codeCells: readonly { readonly source: string }[], file: string, root: string): EarlyBundle {
  const specifiers = likelySpecifiers(codeCells.map((cell) => cell.source));
  // Located at no cell: a failure is never used (step 3 bundles again, locating it at the compiled cells).
  const bundle = bundleCached(cache, specifiers, file, root, () => bundleSpecifiers(specifiers, new Map(), file, root));
  bundle.catch(() => undefined); // awaited in step 3, or not at all when a cell fails to compile
  return { specifiers, bundle };
}

/** The early bundle when the compiled cells import exactly what it was made for and it was made; else `bundle()`. */
export async function bundleOf(cells: readonly CompiledCell[], early: EarlyBundle | undefined, bundle: () => Promise<ImportBundle | ImportFailure>): Promise<ImportBundle | ImportFailure> {
  const specifiers = [...firstUses(cells).keys()];
  if (early !== undefined && specifiers.length === early.specifiers.length && specifiers.every((specifier, index) => specifier === early.specifiers[index])) {
    const made = await early.bundle.catch(() => undefined);
    if (made !== undefined && !isImportFailure(made)) return made;
  }
  return bundle();
}

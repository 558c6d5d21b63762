/**
 * The module a relative import that does not resolve most likely meant: `../dist/models.js` when
 * `../dist/model.js` is there, `./lib/prices` when `./lib/price.ts` is. TypeScript says only "Cannot
 * find module" (TS2307), and the run "cannot find module"; both now name the nearest file in the
 * folder the import points into (or, when that folder is itself misspelt, in the nearest folder), or
 * the same path one folder up (`./dist/model.js` written in notebooks/).
 * Read from the disk as the notebook's folder holds it now.
 */
import { readdirSync } from "node:fs";
import { isFolder } from "../util/paths";
import { basename, dirname, resolve } from "node:path";
import { plausibleName } from "../util/suggest";
import { visibleInOneLine } from "../format/control";

/** TypeScript's code for a module it cannot find. */
export const CANNOT_FIND_MODULE = 2307;

/** TypeScript's code for an imported name a module does not export, with the name it likely meant. */
export const MISSPELT_EXPORT = 2724;

/**
 * The relative specifier, as written, with its misspelt part replaced by what exists; undefined when
 * nothing is near. `alsoThere`: absolute paths that resolve though they may not be on disk (the
 * public entries, `dist/model.js`, which builds map to their sources).
 */
export function nearestModule(specifier: string, fromDir: string, alsoThere: readonly string[] = []): string | undefined {
  // A path written as from the project's folder (`dist/model.js`, `./dist/model.js` in notebooks/ for
  // `../dist/model.js`): the commonest import a new chapter gets wrong. A bare one is taken for a path
  // only when there is a module exactly there: otherwise it is a package (or a URL), not a file next to the notebook.
  if (!/^\.\.?\//.test(specifier)) return /^[\w.-]+\//.test(specifier) ? [`./${specifier}`, `../${specifier}`].find((path) => isModule(path, fromDir, alsoThere)) : undefined;
  const up = `../${specifier.replace(/^\.\//, "")}`;
  return nearestBeside(specifier, fromDir, alsoThere) ?? (isModule(up, fromDir, alsoThere) ? up : undefined);
}

/** A module at exactly this path (`../dist/model.js`, or its `.ts` source, or its declarations). */
function isModule(specifier: string, fromDir: string, alsoThere: readonly string[]): boolean {
  const target = resolve(fromDir, specifier);
  return importedNames(listing(dirname(target), alsoThere).files, basename(target)).includes(basename(target));
}

/** In the folder the specifier points into, or, when that folder is itself misspelt, in the nearest folder. */
function nearestBeside(specifier: string, fromDir: string, alsoThere: readonly string[]): string | undefined {
  const target = resolve(fromDir, specifier);
  const [folder, name] = [dirname(target), basename(target)];
  const inFolder = nearestFile(listing(folder, alsoThere).files, name);
  if (inFolder !== undefined) return `${specifier.slice(0, specifier.length - name.length)}${inFolder}`;
  // The folder is what is misspelt (`../dsit/model.js`): the nearest folder beside it, with the file or one near it.
  const folderName = basename(folder);
  if (!specifier.endsWith(`${folderName}/${name}`)) return undefined;
  const nearFolder = plausibleName(folderName, listing(dirname(folder), alsoThere).folders.filter((entry) => entry !== folderName));
  if (nearFolder === undefined) return undefined;
  const files = listing(resolve(dirname(folder), nearFolder), alsoThere).files;
  const file = files.includes(name) ? name : nearestFile(files, name);
  return file === undefined ? undefined : `${specifier.slice(0, specifier.length - folderName.length - 1 - name.length)}${nearFolder}/${file}`;
}

/**
 * The nearest of `files` to `name`, each written as an import would write it (`price.ts` as `price.js`, or `price`).
 * A declaration file is imported as the module it declares (`model.d.ts` as `model.js`), and a source
 * map never is: `dist/` holds both beside each entry, and "fragmentation-tax.d.js" was suggested, a
 * file that is not there.
 */
function nearestFile(files: readonly string[], name: string): string | undefined {
  return plausibleName(name, importedNames(files, name).filter((entry) => entry !== name));
}

/** `files` as an import written like `name` (with its extension, or none) names them. */
function importedNames(files: readonly string[], name: string): string[] {
  const extension = /\.[^.]+$/.exec(name)?.[0] ?? "";
  const importedAs = (entry: string): string => {
    const module = entry.replace(/\.d\.(m|c)?ts$/, (_, kind: string | undefined) => `.${kind ?? ""}js`);
    return extension === "" ? module.replace(/\.(?:ts|tsx|mts|js|mjs|cjs)$/, "") : extension === ".js" ? module.replace(/\.(?:ts|tsx|mts)$/, ".js") : module;
  };
  return [...new Set(files.filter((entry) => !entry.endsWith(".map")).map(importedAs))];
}

/** The files and folders in `folder`, on disk and among `alsoThere`. */
function listing(folder: string, alsoThere: readonly string[]): { files: string[]; folders: string[] } {
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const entry of entries(folder)) (isFolder(resolve(folder, entry)) ? folders : files).add(entry);
  for (const path of alsoThere) {
    if (dirname(path) === folder) files.add(basename(path));
    if (dirname(dirname(path)) === folder) folders.add(basename(dirname(path)));
  }
  return { files: [...files], folders: [...folders] };
}

function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** TS2307 for a relative import, with the nearest existing module ("Did you mean '../dist/model.js'?"), as TypeScript words its other suggestions. */
export function suggestModule<D extends { readonly code: number; readonly message: string }>(diagnostic: D, fromDir: string, alsoThere: readonly string[] = []): D {
  const meant = meantModule(diagnostic, fromDir, alsoThere);
  return meant === undefined ? diagnostic : { ...diagnostic, message: `${diagnostic.message} Did you mean '${visibleInOneLine(meant)}'?` };
}

/** For TS2307 of a relative import: the nearest existing module, as the import would write it (`nearestModule`). */
export function meantModule(diagnostic: { readonly code: number; readonly message: string }, fromDir: string, alsoThere: readonly string[] = []): string | undefined {
  const specifier = unresolvedSpecifier(diagnostic);
  return specifier === undefined ? undefined : nearestModule(specifier, fromDir, alsoThere);
}

/** The specifier TS2307 names ("Cannot find module '../dist/models.js' …"), as written in the import. */
export function unresolvedSpecifier(diagnostic: { readonly code: number; readonly message: string }): string | undefined {
  return diagnostic.code === CANNOT_FIND_MODULE ? /^Cannot find module '([^']+)'/.exec(diagnostic.message)?.[1] : undefined;
}

/** TS2724 on an imported name, with TypeScript's suggestion ("… has no exported member named 'runModl'. Did you mean 'runModel'?"). */
export function misspeltImport(d: { readonly code: number; readonly message: string }): { specifier: string; meant: string } | undefined {
  const [, specifier, meant] = d.code === MISSPELT_EXPORT ? (/has no exported member named '([^']+)'\. Did you mean '([^']+)'\?/.exec(d.message) ?? []) : [];
  return specifier === undefined || meant === undefined ? undefined : { specifier, meant };
}

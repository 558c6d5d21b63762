/** Messages of `fragtax new` (the chapter scaffold). */

export const badChapterName = (name: string, meant?: string, meantTaken?: string): string =>
  meant === undefined
    ? `"${name}" is not a chapter name: use lowercase letters, digits and single dashes, starting with a letter (e.g. "energy" or "data-centres"); fragtax adds the number and .ipynb`
    : meantTaken === undefined
      ? `"${name}" is not a chapter name; did you mean "${meant}"? A chapter name is lowercase letters, digits and single dashes, starting with a letter; fragtax adds the number and .ipynb`
      : `"${name}" is not a chapter name, and "${meant}", the one it is like, is taken: a chapter named "${meant}" already exists (${meantTaken}); pick another name (lowercase letters, digits and single dashes, starting with a letter)`;

export const chapterNameTooLong = (length: number, max: number): string =>
  `the chapter name has ${length} characters; use at most ${max} (its file name and the temporary files made from it must fit the file system's 255-byte limit)`;

export const chapterExists = (file: string): string =>
  `${file} already exists; pick another name (fragtax new never overwrites a notebook)`;

export const chapterNameTaken = (name: string, file: string): string =>
  `a chapter named "${name}" already exists (${file}); pick another name (chapter names are unique whatever their number)`;

export const noAssumptionToRead = (file: string): string =>
  `${file} defines no assumption, and the new chapter's worked example reads one; add an assumption first`;

export const reportYamlNoChapters = (file: string): string =>
  `${file} has no "chapters" list to add the new chapter to`;

/**
 * `typed`: the notebook as a shell in the folder fragtax runs in names it, quoted as needed; `fragtax`:
 * the command as the user typed it (`npx fragtax` through npx, where `fragtax` alone is not on the PATH).
 */
export const chapterCreated = (notebook: string, reportYaml: string, typed: string, fragtax = "fragtax"): string =>
  `wrote ${notebook} and added it to ${reportYaml}; open it in JupyterLab, or check and run it alone (\`${fragtax} check ${typed}\`, \`${fragtax} run ${typed}\`), and \`${fragtax} build\` builds the report with it`;

/** What a file-system error while taking turns with another `fragtax new` is about. */
export const newLockWhat = (): string => "fragtax new's lock (out/.new.lock, held while it adds a chapter to report.yaml)";

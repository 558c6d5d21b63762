/**
 * The names of the `.ipynb` files in `folder` that are not among `listed` (absolute paths), sorted.
 * Only that folder: a subfolder holds data, local modules or checkpoints (.ipynb_checkpoints), not
 * chapters. Nor a hidden file, which no one writes as a chapter: JupyterLab's save in progress
 * (.~x.ipynb) or an editor's lock (.#x.ipynb). Nor a folder named `x.ipynb`; a link to a notebook
 * counts (statSync follows it). An unreadable folder lists nothing.
 */
export declare function unlistedNotebooks(folder: string, listed: readonly string[]): string[];
/** The YAML file beside a missing one that its name likely means (`asumptions.yaml` → "assumptions.yaml"), if any. */
export declare function yamlFileLike(path: string, written: string): string | undefined;
/** The notebook beside a missing chapter that report.yaml does not list and that it was likely renamed to, if any. */
export declare function unlistedNotebookLike(chapterFile: string, listed: readonly string[]): string | undefined;

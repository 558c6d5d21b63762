/** Whether `path` is inside `folder` (the folder itself included). */
export declare function isInside(folder: string, path: string): boolean;
/**
 * The file outside `root` that `path` leads to through a symbolic link, or undefined: no link, a link
 * inside the project, a broken one, or one to no plain file (a device or a pipe is refused as one when
 * it is read, which says more). Both sides are compared after every link: the root may be one too.
 */
export declare function linkedOutside(path: string, root: string): string | undefined;
/** A path as messages show it: relative to the root (forward slashes) when inside it, else absolute. */
export declare function displayPath(absolute: string, root: string): string;
/**
 * A path as a shell in `cwd` would name it: relative when inside `cwd`, or when both are inside the
 * project `root` (`../out/build/x.ipynb` from notebooks/), else absolute.
 */
export declare function shellPath(absolute: string, cwd: string, root: string): string;
/** The tool's own folder (with templates/), found from this module whether run from src/ or dist/. */
export declare function toolRoot(): string;
/**
 * `path` (absolute) as the file system resolves it: its deepest existing part through symlinks, the
 * rest (not there yet) as written. Where a path leads decides whether it is inside a folder.
 */
export declare function realPathSoFar(path: string): string;
/**
 * Project paths (relative to `root`, `/`-separated) with one name per file: two that lead to the same
 * file keep the one inside the project. A folder linked in from elsewhere (notebooks/lib → ../shared)
 * is named through the link by the type check and by its real path by the bundler, and the one file
 * was listed twice, in a fingerprint and in the reason a notebook re-ran.
 */
export declare function oneNamePerFile(root: string, paths: readonly string[]): string[];

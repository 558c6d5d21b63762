import { InputError } from "../util/errors";
import { outPaths, type OutPaths } from "./paths";
export type Paper = "A4" | "Letter";
export interface ChapterConfig {
    /** 1-based chapter number. */
    readonly number: number;
    readonly file: string;
    /** Path relative to the project root, as build logs and figure records name it. */
    readonly relativePath: string;
}
export interface ReportConfig {
    /** Absolute path of report.yaml. */
    readonly file: string;
    /** Project root: the folder with package.json above notebooks/. */
    readonly root: string;
    readonly title: string;
    readonly subtitle?: string;
    readonly author?: string;
    /** ISO date of this version, if fixed in report.yaml; otherwise the build date is used. */
    readonly date?: string;
    /**
     * The data cut-off: no source may be dated after it (the build stops naming the assumption). If
     * report.yaml gives none, the version date is the cut-off.
     */
    readonly asOf?: string;
    readonly chapters: readonly ChapterConfig[];
    readonly assumptions: string;
    /** Absolute path of the errata file (corrections of published versions), when report.yaml names one. */
    readonly errata?: string;
    readonly outputs: {
        readonly html: boolean;
        readonly pdf: boolean;
    };
    readonly paper: Paper;
    readonly montecarlo: {
        readonly samples: number;
        readonly seed: number;
    };
    /** Absolute output folder, `<root>/out/build` (= `paths.build`). */
    readonly outDir: string;
    readonly paths: OutPaths;
}
export { outPaths, type OutPaths };
export { findProjectRoot, findReportYaml } from "./root";
export declare class ConfigNotFoundError extends InputError {
    readonly startDir: string;
    /** `explicitRoot`: the folder came from `--root`, where nothing is searched upward (the message says what --root wants). */
    constructor(startDir: string, explicitRoot?: boolean);
}
/**
 * A report.yaml that is a symbolic link to nothing (its target moved or not checked out): the search
 * passes it by as missing, and "no report.yaml found" would send the user looking for a file that is
 * there. The first such link where the search looked (only `<root>/notebooks/report.yaml` for --root).
 */
export declare function danglingReportLink(startDir: string, explicitRoot: boolean): {
    link: string;
    target: string;
    loops: boolean;
} | undefined;
/** A problem in report.yaml, located (exit 2). Here, not in parse.ts, so a build that takes its config from the cache can raise one without loading the parser. */
export declare class ConfigError extends InputError {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    constructor(message: string, file: string, line: number, column: number);
}
/**
 * Where a top-level key's value starts in report.yaml's text (1-based), for a check made after
 * parsing (the parsed form, possibly from the cache, keeps no positions); 1:1 when not found.
 */
export declare function topLevelKeyPosition(text: string, key: string): {
    line: number;
    column: number;
};
/** `<root>/notebooks/report.yaml`, the conventional place. */
/**
 * The version's date (report.yaml's `date`, else today) and its data cut-off: `asOf` after the date
 * is refused, located at the key (exit 2). One rule for the build and `fragtax check`.
 */
export declare function checkAsOf(config: Pick<ReportConfig, "asOf" | "date" | "file">, configText: string, displayFile: string, today: string): string;
export declare function configPathForRoot(root: string): string;
/** The report.yaml that governs `startDir` (root.ts's rule); none is a usage error (exit 2). */
export declare function findConfigFile(startDir: string, exists?: (path: string) => boolean): string;
/** The project root of report.yaml `file`: the given root, else the folder above report.yaml's folder. */
export declare function configRoot(file: string, root?: string): string;

import { ConfigError, type ReportConfig } from "./index";
export { ConfigError };
export interface NormalizeOptions {
    /** Project root; defaults to the folder above report.yaml's folder. */
    readonly root?: string;
    readonly exists?: (path: string) => boolean;
    /** `fragtax new`, which lists a chapter: report.yaml may list none yet. */
    readonly noChaptersYet?: boolean;
}
/** Parse and resolve report.yaml text. Throws `ConfigError` naming the key or file and its line. */
export declare function normalizeConfig(text: string, fileName: string, options?: NormalizeOptions): ReportConfig;
/** Read and normalize a report.yaml file. */
export declare function loadConfig(fileName: string, options?: NormalizeOptions): ReportConfig;

type Exists = (path: string) => boolean;
/** The report.yaml that governs `from` (see above), or undefined. */
export declare function findReportYaml(from: string, exists?: Exists): string | undefined;
/** The project root of `from` (see above); `fallback` outside any project. */
export declare function findProjectRoot(from: string, fallback?: string, exists?: Exists): string;
export {};

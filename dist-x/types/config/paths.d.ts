export interface OutPaths {
    /** The latest build: report.html, report.pdf, figures.json, claims.json, build-log.json. */
    readonly build: string;
    /** `fragtax run`'s executed notebooks. */
    readonly executed: string;
    /** Published versions, immutable. */
    readonly reports: string;
    /** Caches: notebook results, rendered charts and the engine's compiled cells and import bundles. */
    readonly cache: string;
    readonly notebookCache: string;
    readonly chartCache: string;
    readonly engineCache: string;
}
/** Everything fragtax writes under a project root: the one list of `out/…` folders. */
export declare function outPaths(root: string): OutPaths;

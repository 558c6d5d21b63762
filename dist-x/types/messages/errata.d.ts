/** Messages of the errata area: a bad errata file, an erratum naming what does not exist, their display. */
import { type Location } from "./location";
export declare const errataSyntax: (where: Location, detail: string) => string;
export declare const errataNotAList: (where: Location) => string;
export declare const errataBadField: (where: Location, id: string | undefined, field: string, detail: string) => string;
export declare const errataDuplicateId: (where: Location, id: string, firstLine: number) => string;
export declare const errataUnknownSection: (where: Location, id: string, section: string, suggestion: string) => string;
export declare const errataUnknownFigure: (where: Location, id: string, figure: string, suggestion: string) => string;
/** By the build (`publishing` null: against every version in out/reports/) and by publish (those before the new one). */
export declare const errataUnpublishedVersion: (where: Location, id: string, version: string, publishing: string | null, earlier: readonly string[], suggestion: string) => string;
export declare const errataFileMissing: (where: Location, name: string, path: string) => string;
export declare const errataHeading: (count: number) => string;
export declare const errataLead: () => string;
export declare const erratumWas: () => string;
export declare const erratumNow: () => string;
export declare const erratumFigures: () => string;
export declare const erratumNoFigures: () => string;
/** "2026-11-26, 05-who-pays#compute-spend" */
export declare const erratumWhere: (version: string, section: string) => string;
export declare const indexErrata: (count: number, versions: readonly string[]) => string;
/** publish's progress line: what its "What changed" section lists as errata. */
export declare const publishErrataListed: (count: number, carried: number) => string;

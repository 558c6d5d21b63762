/**
 * Messages about the files report.yaml names (chapters, the assumptions file, the errata file) when
 * what is there is not a file: a folder, a link that leads nowhere, nothing.
 */
import { at, type Location } from "./location";
import { didYouMean } from "./suggestion";
import { quote } from "./quote";
import { visibleInOneLine } from "../format/control";

export const configChapterIsFolder = (where: Location, chapter: string): string =>
  `${at(where)}: chapter ${quote(chapter)} listed in report.yaml is a folder, not a notebook; list the .ipynb file inside it`;
export const configChapterBrokenLink = (where: Location, chapter: string): string =>
  `${at(where)}: chapter ${quote(chapter)} listed in report.yaml is a symbolic link that leads nowhere (or loops); point it at the notebook, or list the notebook itself`;
export const configAssumptionsBrokenLink = (where: Location, file: string): string =>
  `${at(where)}: assumptions file ${quote(file)} named in report.yaml is a symbolic link that leads nowhere (or loops); point it at the assumptions file, or name that file itself`;
export const configMissingAssumptions = (where: Location, file: string, resolved: string, meant?: string): string =>
  `${at(where)}: assumptions file ${quote(file)} named in report.yaml does not exist (looked for ${visibleInOneLine(resolved)})${meant === undefined ? "" : didYouMean(meant)}`;

/**
 * `assumptions: .` or `errata: notebooks`: a key naming a folder ("remove or rename that folder" said to
 * remove the notebooks); or a folder where the file it names should be. `path`: the folder, from the root.
 */
export const configKeyIsFolder = (where: Location, key: "assumptions" | "errata", value: string, path: string): string =>
  `${at(where)}: ${key} ${quote(value)} in report.yaml names a folder (${visibleInOneLine(path)}), not a file; name the ${key} file there${key === "errata" ? " (or leave the key out)" : ""}, or put that file where the folder is`;

/**
 * Messages about links within the page (report/page-links.ts): a link whose target no element of the
 * report has goes nowhere when a reader clicks it, in the page and in the PDF alike.
 */
import { located, type Location, type CellLocation } from "./location";

/** `target`: the fragment without its "#"; `nearest`: an id of the page it may have meant. */
export const linkGoesNowhere = (where: Location | CellLocation, target: string, nearest: string | undefined): string =>
  located(where, `the link to "#${target}" goes nowhere: nothing in the report has that id${nearest === undefined ? "" : `; did you mean "#${nearest}"?`} (a figure is "#figure-<its id>", a heading the id its text gives, as the table of contents links it)`);

/** A link the page's own parts made (not found in any notebook): the tool's fault, said as such. */
export const pageLinkGoesNowhere = (target: string): string =>
  `report.html links to "#${target}", which nothing in it has: this is fragtax's own link, not one a notebook wrote; please report it`;

/** Past the links warned about one by one (report/page-links.ts MAX_NAMED). */
export const moreLinksGoNowhere = (count: number): string =>
  `${count} more link${count === 1 ? "" : "s"} within the page go${count === 1 ? "es" : ""} nowhere; fix the ones above and build again to see ${count === 1 ? "it" : "them"} located`;

/** An id a notebook gives an element that another element of the report has too (report/page-links.ts). */
export const idTwice = (where: Location | CellLocation, id: string): string =>
  located(where, `the id "${id}" is given to more than one element of the report (this one, and one the report makes or another cell writes): a link to "#${id}", the table of contents' or a figure's, reaches only the first of them; give this element an id of its own`);

/** Two elements with one id, neither written by a notebook: the tool's fault, said as such. */
export const pageIdTwice = (id: string): string => `report.html gives the id "${id}" to more than one element, and no notebook writes it: this is fragtax's own; please report it`;

export const moreIdsTwice = (count: number): string =>
  `${count} more id${count === 1 ? " is" : "s are"} given to more than one element; fix the ones above and build again to see ${count === 1 ? "it" : "them"} located`;

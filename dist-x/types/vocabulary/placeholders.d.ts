/**
 * The field on an error the notebook API throws about one value of a template it was given
 * (`nb.md\`… ${value} …\``): that value's index, 0-based. The API sets it, the engine reads it, and the
 * error is located at that `${…}` in the cell, not at the tag the call's stack points to. Named so no
 * error a cell throws has it by chance.
 */
export declare const PLACEHOLDER_FIELD = "fragtaxPlaceholder";
/** `error` marked as being about placeholder `index`, unless something already marked it. */
export declare function aboutPlaceholder(error: unknown, index: number): unknown;

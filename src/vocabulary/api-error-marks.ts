/**
 * Marks on an error the notebook API throws, saying which part of the call it is about, so the engine
 * can put the caret there rather than at the call the stack points to. The API sets them, the engine
 * reads them (notebook/failures.ts). Named so no error a cell throws has them by chance.
 */

/**
 * An error about one value of a template the API was given (`nb.md\`… ${value} …\``): that value's
 * index, 0-based. Located at that `${…}` in the cell, not at the tag.
 */
export const PLACEHOLDER_FIELD = "fragtaxPlaceholder";

/**
 * An error about one field of the object the API was given (`nb.figure({ id: "run cost", … })`): the
 * field as the message names it (`id`, `summary.p5`, `drivers[1].share`). Located at that property's
 * value where the cell writes the object literal in the call, not at the method's name.
 */
export const ARGUMENT_FIELD = "fragtaxField";

/** `error` marked as being about placeholder `index`, unless something already marked it so. */
export function aboutPlaceholder(error: unknown, index: number): unknown {
  return mark(error, PLACEHOLDER_FIELD, index);
}

/** A new Error with `message`, marked as being about `field` of the call's argument. */
export function fieldError(field: string, message: string): Error {
  const error = new Error(message);
  // Its stack starts at the API's check that threw, as a `new Error` there would: this file is no place to act on.
  Error.captureStackTrace(error, fieldError);
  return mark(error, ARGUMENT_FIELD, field) as Error;
}

function mark(error: unknown, name: string, value: unknown): unknown {
  if (typeof error !== "object" || error === null || name in error) return error;
  try {
    Object.defineProperty(error, name, { value });
  } catch {
    // a frozen error stays as it is: located at the call
  }
  return error;
}

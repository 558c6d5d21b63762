/** Messages about YAML syntax, the same for every YAML input (util/yaml-syntax.ts). */

/** An opener with no closing character: said where it opens, with the two ways to mend it. */
export const yamlNotClosed = (open: string): string =>
  open === "{" || open === "["
    ? `this "${open}" is never closed: add the "${open === "{" ? "}" : "]"}" that ends the ${open === "{" ? "map" : "list"}, before the next key (or write it as an indented block)`
    : `this ${open} opens a text that is never closed: add the closing ${open} where the text ends (or write it without quotes)`;

/**
 * tslab's cell pragmas: tags in a doc comment that opens the cell.
 *  - `@module name`  the cell is a module: its declarations stay its own, its exports are what later
 *                    cells get from `import … from "./name"` (re-running the cell replaces the module);
 *  - `@jsx`          the cell may use JSX (compiled to `React.createElement`);
 *  - `@browser`      the cell is for the browser: tslab does not run it in Node, and neither do we.
 */
export interface CellPragmas {
  readonly module?: string;
  readonly jsx: boolean;
  readonly browser: boolean;
}

export function cellPragmas(source: string): CellPragmas {
  const doc = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source)?.[1];
  if (doc === undefined) return { jsx: false, browser: false };
  const module = /@module\s+([A-Za-z0-9_$.-]+)/.exec(doc)?.[1];
  return { ...(module === undefined ? {} : { module }), jsx: /@jsx\b/.test(doc), browser: /@browser\b/.test(doc) };
}

/** The specifier later cells import a module cell by. */
export function moduleSpecifier(name: string): string {
  return `./${name}`;
}

/**
 * A minimal escaping tagged template for the pages this area renders (banner, index, diff, changes).
 * Interpolated values are escaped unless wrapped in `raw()`, so unescaped output is a visible call.
 */
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export class RawHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function raw(html: string): RawHtml {
  return new RawHtml(html);
}

type Interpolation = RawHtml | string | number | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined) return "";
  if (value instanceof RawHtml) return value.html;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): RawHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return raw(out);
}

/** Inserts `fragment` right after the opening `<body …>` tag (or at the start when there is none). */
export function insertAfterBodyOpen(page: string, fragment: string): string {
  const match = /<body[^>]*>/i.exec(page);
  if (!match) return fragment + page;
  const at = match.index + match[0].length;
  return page.slice(0, at) + fragment + page.slice(at);
}

/** Inserts `fragment` before `</body>` (or appends it). */
export function insertBeforeBodyClose(page: string, fragment: string): string {
  const at = page.toLowerCase().lastIndexOf("</body>");
  return at < 0 ? page + fragment : page.slice(0, at) + fragment + page.slice(at);
}

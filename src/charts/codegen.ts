/**
 * vega turns every expression of a chart (signal updates, filters, and one encoder per mark that
 * sets its items' properties) into a function with `new Function` when the view is built. A chart is
 * drawn several times (wide, reflowed, phone), and charts of a report share most of that code, so
 * each distinct code text is compiled once per process here and shared: the view is built faster and
 * V8 keeps what it learned running the function (its optimised code) from one drawing to the next.
 *
 * The functions are vega's own (`runtimeContext(…).expr`, vega's default code generator, called
 * without a context so it returns them unbound); each view binds its own copy to its function
 * context, as vega does.
 */
type Compiled = (...args: unknown[]) => unknown;
interface Context {
  readonly functions?: object;
}
interface Expression {
  readonly code: string;
}
interface Encode {
  readonly marktype: string;
  readonly channels: Record<string, Expression>;
}
type Generate<T> = (context: Context | null, source: T) => Compiled;
export interface Codegen {
  readonly operator: Generate<Expression>;
  readonly parameter: Generate<Expression>;
  readonly event: Generate<Expression>;
  readonly handler: Generate<Expression>;
  readonly encode: Generate<Encode>;
  readonly [other: string]: unknown;
}

/** Code texts kept at most; past it the cache starts again (a long build of many charts). */
const MOST = 20_000;

export function sharedCodegen(vega: Codegen): Codegen {
  const compiled = new Map<string, Compiled>();
  const share = <T>(kind: string, generate: Generate<T>, key: (source: T) => string): Generate<T> => (context, source) => {
    const text = `${kind}\0${key(source)}`;
    let fn = compiled.get(text);
    if (fn === undefined) {
      if (compiled.size >= MOST) compiled.clear();
      fn = generate(null, source);
      compiled.set(text, fn);
    }
    return context?.functions === undefined ? fn : fn.bind(context.functions);
  };
  const code = (expression: Expression): string => expression.code;
  return {
    ...vega,
    operator: share("operator", vega.operator, code),
    parameter: share("parameter", vega.parameter, code),
    event: share("event", vega.event, code),
    handler: share("handler", vega.handler, code),
    encode: share("encode", vega.encode, (encode) => `${encode.marktype}\0${Object.entries(encode.channels).map(([name, channel]) => `${name}\0${channel.code}`).join("\0")}`),
  };
}

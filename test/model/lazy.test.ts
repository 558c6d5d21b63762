/**
 * Lazy fields (src/model/lazy.ts), as a kept model run's columns are: made once, when first read,
 * then plain data; an object frozen before the read still gives its value; shown by inspect as a
 * plain object is.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { defineLazy } from "../../src/model/lazy";

describe("a lazy field", () => {
  it("is made once, when first read, and is then a plain, writable field", () => {
    let made = 0;
    const target = defineLazy({ a: 1 }, "b", () => ++made * 10);
    expect(made).toBe(0);
    expect(target.b).toBe(10);
    expect(target.b).toBe(10);
    expect(made).toBe(1);
    expect(Object.getOwnPropertyDescriptor(target, "b")).toEqual({ value: 10, enumerable: true, writable: true, configurable: true });
    target.b = 3;
    expect({ ...target }).toEqual({ a: 1, b: 3 });
  });

  it("is made by spreading, listing or JSON, and a write before any read makes nothing", () => {
    let made = 0;
    expect({ ...defineLazy({}, "x", () => ++made) }).toEqual({ x: 1 });
    expect(Object.values(defineLazy({}, "x", () => ++made))).toEqual([2]);
    expect(JSON.stringify(defineLazy({}, "x", () => ++made))).toBe('{"x":3}');
    const written = defineLazy({} as { x: number }, "x", () => ++made);
    written.x = 7;
    expect(written.x).toBe(7);
    expect(made).toBe(3);
  });

  it("in an object frozen or sealed before it was read, gives the one value it made, and a frozen one refuses a write", () => {
    let made = 0;
    const frozen = Object.freeze(defineLazy({}, "x", () => ({ n: ++made })));
    expect(frozen.x).toBe(frozen.x);
    expect(made).toBe(1);
    expect(() => ((frozen as { x: unknown }).x = 2)).toThrow(TypeError);
    const sealed = Object.seal(defineLazy({}, "y", () => ++made));
    expect([sealed.y, sealed.y]).toEqual([2, 2]);
  });

  it("is shown by inspect as the same object with plain fields is, at any depth", () => {
    const lazy = (): object => defineLazy(defineLazy({ a: [1, 2, 3] }, "b", () => new Float64Array([1.5, 2])), "c", () => ({ deep: { deeper: { deepest: 1 } } }));
    const plain = { a: [1, 2, 3], b: new Float64Array([1.5, 2]), c: { deep: { deeper: { deepest: 1 } } } };
    for (const options of [{}, { depth: 0 }, { depth: 1 }, { breakLength: 20 }, { compact: false }]) {
      expect(inspect(lazy(), options)).toBe(inspect(plain, options));
      expect(inspect({ nested: [lazy()] }, options)).toBe(inspect({ nested: [plain] }, options));
    }
  });
});

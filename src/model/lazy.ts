/**
 * A field whose value is made when first read: a kept model run's columns (run-memo.ts) are read
 * from their file only if a cell asks for them. After that first read, or a write, it is a plain
 * data field (enumerable, writable, configurable), as if it had been set, so the object is like any
 * other: spreading it, listing its values or `JSON.stringify` make every value. An object frozen or
 * sealed before the field was made keeps the accessor, which gives the one value it made.
 *
 * Shown by `util.inspect` (a cell's value, `console.log`) as if every field had always been data:
 * inspect shows an accessor as `[Getter/Setter]`, so a kept run would print unlike the same run
 * computed. The object's inspect hook makes its lazy fields and returns the object itself, which
 * inspect then formats as it formats any object (a hook that returns its object is not called again).
 */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** The fields of each object still to be made (one inspect hook per object makes them all), each with the accessor that makes it. */
const pending = new WeakMap<object, Map<PropertyKey, () => unknown>>();

/**
 * Whether `target`'s lazy field `key` is still to be made: nobody has read or set it, and it is still
 * the accessor this module put there (not deleted and given again, nor redefined).
 */
export function isPending(target: object, key: PropertyKey): boolean {
  const getter = pending.get(target)?.get(key);
  return getter !== undefined && Object.getOwnPropertyDescriptor(target, key)?.get === getter;
}

export function defineLazy<T extends object, K extends PropertyKey, V>(target: T, key: K, make: () => V): T & Record<K, V> {
  let made: { value: V } | undefined;
  const settle = (value: V): V => {
    made = { value };
    pending.get(target)?.delete(key);
    // Not when the object was frozen or sealed since (its fields are fixed): the accessor stays, with this value.
    if (Object.getOwnPropertyDescriptor(target, key)?.configurable === true) Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return value;
  };
  const get = (): V => (made === undefined ? settle(make()) : made.value);
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get,
    set: (value: V) => {
      // As assigning to a frozen object's field does in a module (strict code): refused.
      if (Object.isFrozen(target)) throw new TypeError(`Cannot assign to read only property '${String(key)}' of object`);
      settle(value);
    },
  });
  let keys = pending.get(target);
  if (keys === undefined) {
    pending.set(target, (keys = new Map()));
    Object.defineProperty(target, INSPECT, {
      enumerable: false,
      configurable: true,
      value(this: T): T {
        for (const lazy of [...(pending.get(this)?.keys() ?? [])]) void (this as Record<PropertyKey, unknown>)[lazy];
        return this;
      },
    });
  }
  keys.set(key, get);
  return target as T & Record<K, V>;
}

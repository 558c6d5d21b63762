/**
 * `process.env` as a notebook's cells see it: the thread's own, with what they read of it recorded. A
 * cell that says `process.env.REGION ?? "eu"` depends on REGION as it depends on a file it reads, so
 * the build keeps each variable read (util/hash.ts `envStamp` of its value as first read, "" when it
 * was not set) and re-runs the notebook when a later build sees another value. A cell that lists the
 * variables (`Object.keys`, a spread, `for … in`) depends on which there are: the sorted names are
 * kept too (and a spread reads each value as well). A variable the notebook set or deleted before
 * reading it is its own doing, not an input.
 */
import { envStamp } from "../util/hash";
import type { EnvReads } from "../vocabulary/env-reads";
import { byEntryKey } from "../util/order";

export function trackedEnv(env: NodeJS.ProcessEnv): { readonly env: NodeJS.ProcessEnv; reads(): EnvReads } {
  const values = new Map<string, string>();
  /** Variables the notebook set or deleted → whether the environment had them before. */
  const written = new Map<string, boolean>();
  let names: string[] | undefined;
  const read = (key: string | symbol): void => {
    if (typeof key !== "string" || values.has(key) || written.has(key)) return;
    values.set(key, envStamp(env[key]));
  };
  const write = (key: string | symbol): void => {
    if (typeof key === "string" && !written.has(key)) written.set(key, Object.prototype.hasOwnProperty.call(env, key));
  };
  const proxy = new Proxy(env, {
    get: (target, key) => (read(key), Reflect.get(target, key)),
    has: (target, key) => (read(key), Reflect.has(target, key)),
    // Not a read of the value: Object.keys asks for every variable's descriptor (to see it is
    // enumerable) and reads only the names, recorded by ownKeys. Recording each value here made a
    // cell that counted its MYAPP_ variables re-run when OLDPWD changed with a `cd`.
    getOwnPropertyDescriptor: (target, key) => Reflect.getOwnPropertyDescriptor(target, key),
    ownKeys: (target) => {
      const keys = Reflect.ownKeys(target);
      if (names === undefined) {
        // The names as the build gave them: those the notebook set or deleted count as they were before.
        const given = new Set(keys.filter((key): key is string => typeof key === "string"));
        for (const [key, before] of written) void (before ? given.add(key) : given.delete(key));
        names = [...given].sort();
      }
      return keys;
    },
    set: (target, key, value) => (write(key), Reflect.set(target, key, value)),
    deleteProperty: (target, key) => (write(key), Reflect.deleteProperty(target, key)),
    defineProperty: (target, key, descriptor) => (write(key), Reflect.defineProperty(target, key, descriptor)),
  });
  const sorted = (): Record<string, string> => Object.fromEntries([...values].sort(byEntryKey));
  return { env: proxy, reads: () => ({ values: sorted(), ...(names !== undefined && { names: [...names] }) }) };
}

/** An environment as functions (Deno's `Deno.env`). */
export interface EnvFunctions {
  get(key: string): string | undefined;
  has(key: string): boolean;
  set(key: string, value: string): void;
  delete(key: string): void;
  toObject(): Record<string, string>;
}

/**
 * `process.env` as an object over environment functions, for `trackedEnv` to wrap in Deno. Deno's own
 * `process.env` will not do: it calls `Deno.env`, which the Deno host replaces by the tracked view
 * (deno-host.ts), so the view must call the functions as they were.
 */
export function envView(functions: EnvFunctions): NodeJS.ProcessEnv {
  const text = (key: string | symbol): key is string => typeof key === "string";
  return new Proxy({} as NodeJS.ProcessEnv, {
    get: (_target, key) => (text(key) ? functions.get(key) : undefined),
    has: (_target, key) => text(key) && functions.has(key),
    ownKeys: () => Object.keys(functions.toObject()),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = text(key) ? functions.get(key) : undefined;
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
    set: (_target, key, value) => (text(key) && functions.set(key, String(value)), true),
    deleteProperty: (_target, key) => (text(key) && functions.delete(key), true),
    defineProperty: (_target, key, descriptor) => (text(key) && functions.set(key, String(descriptor.value)), true),
  });
}

/** Environment functions over a (tracked) `process.env`: what a Deno notebook's `Deno.env` becomes. */
export function envFunctions(env: NodeJS.ProcessEnv): EnvFunctions {
  return {
    get: (key) => env[key],
    has: (key) => key in env,
    set: (key, value) => void (env[key] = value),
    delete: (key) => void delete env[key],
    // Every value: read as a spread reads them.
    toObject: () => ({ ...env }) as Record<string, string>,
  };
}

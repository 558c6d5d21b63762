export declare function defineLazy<T extends object, K extends PropertyKey, V>(target: T, key: K, make: () => V): T & Record<K, V>;

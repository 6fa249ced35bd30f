/** A Map or a WeakMap: what `cached` keeps its values in. */
type Cache<K, V> = { get(key: K): V | undefined; set(key: K, value: V): unknown };

/**
 * The value kept for `key`, built by `build` the first time it is asked for. The engine's states
 * and their parts are immutable, so a value derived from one stays right while the key lives.
 */
export function cached<K, V>(cache: Cache<K, V>, key: K, build: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = build(key)));
  return value;
}

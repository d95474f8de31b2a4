/**
 * Memoising a pure function of a text: the same narrative, date or unit text met again (a column of
 * repeated phrases, a sheet copied into another) is parsed once. Bounded: past `limit` entries the cache
 * starts over, so a long batch never keeps more than that many results alive.
 *
 * Results are shared between callers: only for functions whose results nobody mutates.
 */
/** A value computed once per object (a spec, a table) and dropped with it: `make` runs on the first ask. */
export function perObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key: K): V => {
    if (cache.has(key)) return cache.get(key) as V;
    const v = make(key);
    cache.set(key, v);
    return v;
  };
}

export function memoByText<R>(fn: (text: string) => R, limit = 4096): (text: string) => R {
  let cache = new Map<string, R>();
  return (text: string): R => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    const out = fn(text);
    if (cache.size >= limit) cache = new Map();
    cache.set(text, out);
    return out;
  };
}

/**
 * "Compute once per object": the one memo helper of the engine. Results live
 * as long as their key object does (a WeakMap), so a catalogue, a compiled
 * node or an answers object that is dropped takes its derived data with it.
 * A result depends only on the key, and on an extra argument the key
 * determines (a node's vocabulary): it is never recomputed. One fixed extra
 * argument, not a rest parameter: memoised views are looked up on hot paths.
 */
export function memoPerObject<K extends object, V, A = undefined>(
  compute: (key: K, arg: A) => V,
  /** For a key that can change in place (an answers object): whether the result still holds for it. */
  holds?: (result: V, key: K) => boolean,
): (key: K, ...extra: Extra<A>) => V {
  const results = new WeakMap<K, V>();
  const memo = (key: K, arg: A): V => {
    let result = results.get(key);
    if ((result === undefined && !results.has(key)) || (holds && !holds(result as V, key)))
      results.set(key, (result = compute(key, arg)));
    return result as V;
  };
  return memo as unknown as (key: K, ...extra: Extra<A>) => V;
}

/** The extra argument, when there is one. */
type Extra<A> = [A] extends [undefined] ? [] : [arg: A];

/** Once per pair of objects (a score's bands and the definition of the fact they grade). */
export function memoPerPair<A extends object, B extends object, V>(
  compute: (a: A, b: B) => V,
  holds?: (result: V, b: B) => boolean,
): (a: A, b: B) => V {
  const byFirst = memoPerObject((a: A) => memoPerObject((b: B) => compute(a, b), holds));
  return (a, b) => byFirst(a)(b);
}

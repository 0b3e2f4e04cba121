/*
 * Small helpers to derive invalid documents from valid ones in tests. Not exported from the package.
 */

/** A deep JSON copy of `value` with the property at `path` set to `next` (or removed when `next` is `REMOVE`). */
export function withField(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  const copy: unknown = JSON.parse(JSON.stringify(value));
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last === undefined) return next;
  if (next === REMOVE) delete target[last];
  else target[last] = next;
  return copy;
}

/** Marker for {@link withField}: delete the property instead of setting it. */
export const REMOVE: unique symbol = Symbol("remove");

/** A deep JSON copy of `value` without the property at `path`. */
export function without(value: unknown, path: readonly (string | number)[]): unknown {
  return withField(value, path, REMOVE);
}

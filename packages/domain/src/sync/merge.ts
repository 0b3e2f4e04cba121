import { isPlainObject, jsonEqual, type JsonDoc } from "./json-equal.ts";

/** The result of {@link threeWayMerge}: the merged document, and the paths both sides changed differently. */
export interface MergeResult<T extends JsonDoc> {
  readonly merged: T;
  /** Dotted paths (array items by id: `variants[v1].price`) where the server's value won over the client's. */
  readonly conflicts: readonly string[];
}

type Side = unknown;

function isIdList(value: unknown): value is { id: string }[] {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === "string");
}

function mergeValue(path: string, base: Side, mine: Side, theirs: Side, conflicts: string[]): Side {
  if (jsonEqual(mine, theirs)) return theirs;
  if (jsonEqual(mine, base)) return theirs;
  if (jsonEqual(theirs, base)) return mine;
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) return mergeObject(path, base, mine, theirs, conflicts);
  if (isIdList(base) && isIdList(mine) && isIdList(theirs)) return mergeIdList(path, base, mine, theirs, conflicts);
  conflicts.push(path || "(document)");
  return theirs;
}

function mergeObject(
  path: string,
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  conflicts: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)]);
  for (const key of keys) {
    const value = mergeValue(path ? `${path}.${key}` : key, base[key], mine[key], theirs[key], conflicts);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Lists of objects with ids (a product's variants, the shop's registers) merge item by item, so two
 * managers editing different variants both keep their change. Order follows the server's list, with
 * items only the client added appended in the client's order.
 */
function mergeIdList(
  path: string,
  base: { id: string }[],
  mine: { id: string }[],
  theirs: { id: string }[],
  conflicts: string[],
): unknown[] {
  const byId = (list: { id: string }[]) => new Map(list.map((item) => [item.id, item as unknown]));
  const [b, m, t] = [byId(base), byId(mine), byId(theirs)];
  const order = [...theirs.map((i) => i.id), ...mine.map((i) => i.id).filter((id) => !t.has(id) && !b.has(id))];
  const out: unknown[] = [];
  for (const id of order) {
    const value = mergeValue(`${path}[${id}]`, b.get(id), m.get(id), t.get(id), conflicts);
    if (value !== undefined) out.push(value);
  }
  return out;
}

/**
 * Three-way field merge of a client's change against the server's current document.
 * `base` is what the client last saw of the server (RxDB's `assumedMasterState`), `mine` the
 * client's new state, `theirs` the server's current state. A field only the client changed takes
 * the client's value; a field only the server changed keeps the server's; a field both changed to
 * different values keeps the server's and is reported in `conflicts`. Nested objects and lists of
 * objects with ids are merged the same way, field by field and item by item.
 *
 * @example
 * threeWayMerge({ name: "Tea", price: 100 }, { name: "Green tea", price: 100 }, { name: "Tea", price: 120 })
 * // { merged: { name: "Green tea", price: 120 }, conflicts: [] }
 */
export function threeWayMerge<T extends JsonDoc>(base: T, mine: T, theirs: T): MergeResult<T> {
  const conflicts: string[] = [];
  const merged = mergeObject("", base, mine, theirs, conflicts) as T;
  return { merged, conflicts };
}

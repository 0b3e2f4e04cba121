import type { RxDocumentData } from "rxdb";
import { fromDexieToStorage } from "rxdb/plugins/storage-dexie";

/**
 * A row just read from a collection's table in RxDB's Dexie storage, as that storage hands it out:
 * its flags (`flags`, the storage's `booleanIndexes`: IndexedDB cannot index a boolean, so they are
 * stored as "1"/"0") booleans again. RxDB's `fromDexieToStorage` copies the row key by key at every
 * depth, to turn keys stored as "__…" back into "|…" (its key compression's); a row IndexedDB has
 * just given is a copy of its own that no one else holds, so unless a key needs that or a flag is
 * nested, its flags are set in place: the same document without copying every object in it (the
 * catalog a till reads after it opens, the sales its report store counts).
 */
export function fromDexieRow<T>(flags: readonly string[], row: Record<string, unknown>): RxDocumentData<T> {
  if (Object.isFrozen(row) || flags.some((flag) => flag.includes(".")) || hasKeyPartStartingWith(row, "__")) {
    return fromDexieToStorage<T>([...flags], row);
  }
  for (const flag of flags) row[flag] = row[flag] === "1";
  return row as RxDocumentData<T>;
}

/**
 * Whether any key of `value`, at any depth, has a dot-separated part that begins with `prefix`: the
 * keys RxDB's Dexie storage renames as it stores a document ("|…" to "__…", its key compression's)
 * and back as it reads one.
 */
export function hasKeyPartStartingWith(value: unknown, prefix: "|" | "__"): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => hasKeyPartStartingWith(item, prefix));
  for (const key in value) {
    if (key.startsWith(prefix) || key.includes(`.${prefix}`)) return true;
    if (hasKeyPartStartingWith((value as Record<string, unknown>)[key], prefix)) return true;
  }
  return false;
}

import { useEffect, useMemo, useState } from "react";
import type { Observable } from "rxjs";

/** A replicated document as RxDB hands it out; `toJSON()` is the plain document. */
export interface JsonDocument {
  toJSON(): unknown;
}

/**
 * The latest value of an observable (an RxDB query's or document's `$`), re-subscribed when `deps`
 * change. `undefined` until the first value: the caller shows its loading state.
 */
export function useObservable<T>(make: () => Observable<T> | undefined, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = make()?.subscribe(setValue);
    return () => subscription?.unsubscribe();
  }, deps);
  return value;
}

/**
 * Plain copies of documents, `[]` for none yet. The cast names the collection's type: the replica
 * validated every document with the collection's schema before storing it.
 */
export function plain<T>(docs: readonly JsonDocument[] | undefined): T[] {
  return (docs ?? []).map((d) => d.toJSON() as T);
}

/**
 * The latest result of a query (`collection.find(…).$`) as plain documents, copied once per result
 * rather than on every render. `undefined` until the first result.
 */
export function useDocuments<T>(make: () => Observable<readonly JsonDocument[]> | undefined, deps: readonly unknown[]): T[] | undefined {
  const docs = useObservable(make, deps);
  return useMemo(() => (docs === undefined ? undefined : plain<T>(docs)), [docs]);
}

/**
 * The latest state of one document (`collection.findOne(…).$`) as a plain document: `undefined`
 * until the first result, `null` when there is no such document.
 */
export function useDocument<T>(make: () => Observable<JsonDocument | null> | undefined, deps: readonly unknown[]): T | null | undefined {
  const doc = useObservable(make, deps);
  return useMemo(() => (doc ? (doc.toJSON() as T) : doc), [doc]);
}

import { useEffect, useState } from "react";
import type { Observable } from "rxjs";

/**
 * The latest value of an RxDB observable (a query's `$`, a document's `$`), re-subscribed when
 * `deps` change. `undefined` until the first value: the caller shows its loading state.
 */
export function useObservable<T>(make: () => Observable<T> | undefined, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const observable = make();
    if (!observable) return;
    const subscription = observable.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}

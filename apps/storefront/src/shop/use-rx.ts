import { useEffect, useState } from "react";
import type { Observable } from "rxjs";

/** The latest value of an observable (an RxDB query's `$`), `undefined` until the first. */
export function useObservable<T>(make: () => Observable<T> | undefined, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = make()?.subscribe(setValue);
    return () => subscription?.unsubscribe();
  }, deps);
  return value;
}

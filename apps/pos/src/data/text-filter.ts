/** Part of a search's items, named so that a search knows when it is the same part as the last one's. */
export interface Scope<T> {
  readonly key: string;
  readonly holds: (item: T) => boolean;
}

/** The items of `scope` (all when undefined) whose text contains `query`, in the items' order. */
export type TextFilter<T> = (query: string, scope?: Scope<T>) => readonly T[];

/**
 * A search over `items` by text, built once per change of the items (not per keystroke): an item
 * matches when its lower-cased text (`textOf`) contains the query, trimmed and lower-cased. Every
 * item's text is made once here; `textOf` is called again only on items of a narrowed answer, so
 * it should keep what it made (a `WeakMap` by item). A query that extends the last one (the next
 * key typed) in the same scope can only narrow that answer, so it scans that answer instead of
 * every item. The answer holds the items themselves, and is the same array when nothing was
 * filtered out: a list showing it has nothing to render again.
 */
export function textFilter<T>(items: readonly T[], textOf: (item: T) => string): TextFilter<T> {
  const texts = items.map(textOf);
  let last: { readonly q: string; readonly scope: string | undefined; readonly found: readonly T[] } | undefined;
  return (query, scope) => {
    const q = query.trim().toLowerCase();
    if (!q && !scope) return items;
    const sameScope = last !== undefined && last.scope === scope?.key;
    if (sameScope && q === last!.q) return last!.found;
    const from = sameScope && q.startsWith(last!.q) ? last!.found : items;
    const found: T[] = [];
    if (from === items)
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        if ((!scope || scope.holds(item)) && (!q || texts[i]!.includes(q))) found.push(item);
      }
    else for (const item of from) if (textOf(item).includes(q)) found.push(item);
    const answer = found.length === from.length ? from : found;
    last = { q, scope: scope?.key, found: answer };
    return answer;
  };
}

/**
 * `textOf` kept per item while the item is the same object: the text of a changed document is made
 * again, the others' are not (a change of one product re-lowers one text, not twenty thousand).
 */
export function keptText<T extends object>(textOf: (item: T) => string): (item: T) => string {
  const kept = new WeakMap<T, string>();
  return (item) => {
    let text = kept.get(item);
    if (text === undefined) kept.set(item, (text = textOf(item)));
    return text;
  };
}

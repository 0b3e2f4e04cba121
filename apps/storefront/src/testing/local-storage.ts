import { vi } from "vitest";

/*
 * Test helper, never imported by the app: a browser's localStorage (Node has none) that refuses
 * every write once `full`, as a full disk or a private window does.
 */
export function stubLocalStorage() {
  const items = new Map<string, string>();
  const state = { full: false };
  const refuse = () => {
    if (state.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => (refuse(), void items.set(k, v)),
    removeItem: (k: string) => void items.delete(k),
  });
  return { items, state };
}

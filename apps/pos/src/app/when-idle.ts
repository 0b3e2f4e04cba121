/**
 * Calls `then` in an idle moment of the page — at the latest after `timeoutMs`, so a page that is
 * never idle still gets it — or, where the browser has no idle callbacks (Safari), on the next turn.
 * Returns how to cancel the wait.
 */
export function whenIdle(then: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback !== "function") {
    const timer = setTimeout(then, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(() => then(), { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}

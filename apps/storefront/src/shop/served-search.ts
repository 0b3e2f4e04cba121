/** How long the app's search box may take to appear and still get the focus the served one had. */
const FOCUS_WAIT_MS = 10_000;

/**
 * Keeps what a shopper typed into the served page's search box before the app started. The app's
 * first render replaces the served page, so the typed text goes into the address (which the app
 * reads its search from), and the focus moves to the app's own box once it appears. Call before the
 * app's first render.
 */
export function keepServedSearch(root: HTMLElement): void {
  const served = root.querySelector<HTMLInputElement>('input[type="search"]');
  if (!served) return;
  const url = new URL(location.href);
  const typed = served.value.trim() ? served.value : "";
  if (typed !== (url.searchParams.get("q") ?? "")) {
    if (typed) url.searchParams.set("q", typed);
    else url.searchParams.delete("q");
    // A new search starts at its first page.
    url.searchParams.delete("show");
    history.replaceState(history.state, "", url);
  }
  if (document.activeElement !== served) return;
  const watch = new MutationObserver(() => {
    const own = root.querySelector<HTMLInputElement>('input[type="search"]');
    if (!own || own === served) return;
    stop();
    own.focus();
    own.setSelectionRange(own.value.length, own.value.length);
  });
  const timer = setTimeout(() => stop(), FOCUS_WAIT_MS);
  const stop = () => (watch.disconnect(), clearTimeout(timer));
  watch.observe(root, { childList: true, subtree: true });
}

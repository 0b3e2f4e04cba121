import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/*
 * The accessibility pass: axe-core on a screen (WCAG 2.1 A and AA rules), and a walk with the Tab
 * key that must reach every control a person can see.
 */

/** Runs axe on what the page shows now; fails on any serious or critical violation, naming them. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 4)
          .join(" | ")}`,
    );
  expect(bad, `axe on ${screen}`).toEqual([]);
}

/**
 * Presses Tab until focus comes back round (or `limit` presses), and checks that every visible,
 * enabled control on the screen — links, buttons, fields; for a radio group, one of its radios —
 * took the focus on the way, and that each showed a focus outline.
 */
export async function expectKeyboardReachable(page: Page, screen: string, limit = 250): Promise<void> {
  const wanted = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';
    let n = 0;
    const names: string[] = [];
    const groups = new Set<string>();
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden" || el.closest("[inert]")) continue;
      if (el instanceof HTMLInputElement && el.type === "radio") {
        if (groups.has(el.name)) continue;
        groups.add(el.name);
        document
          .querySelectorAll<HTMLElement>(`input[type="radio"][name="${el.name}"]`)
          .forEach((r) => (r.dataset.kb = `radio:${el.name}`));
        names.push(`radio:${el.name}`);
        continue;
      }
      el.dataset.kb = String(++n);
      names.push(String(n));
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return names;
  });
  const reached = new Set<string>();
  const unoutlined = new Set<string>();
  for (let i = 0; i < limit && reached.size < wanted.length; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el?.dataset.kb) return undefined;
      const style = getComputedStyle(el);
      return {
        kb: el.dataset.kb,
        outlined: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        label: el.textContent?.trim().slice(0, 40) || el.getAttribute("aria-label") || el.tagName,
      };
    });
    if (!focused) continue;
    reached.add(focused.kb);
    if (!focused.outlined) unoutlined.add(focused.label ?? focused.kb);
  }
  // A control the screen replaced meanwhile (a live status, say) is not one a person could miss.
  const missed = await page.evaluate(
    (names) =>
      names.flatMap((name) => {
        const el = document.querySelector<HTMLElement>(`[data-kb="${name}"]`);
        return el ? [`${el.tagName} ${el.textContent?.trim().slice(0, 30) || el.getAttribute("aria-label") || ""}`] : [];
      }),
    wanted.filter((name) => !reached.has(name)),
  );
  expect(missed, `controls Tab never reached on ${screen}`).toEqual([]);
  expect([...unoutlined], `controls without a visible focus on ${screen}`).toEqual([]);
}

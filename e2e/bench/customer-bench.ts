/**
 * The POS bench's customer figures: a big shop's customers (pushed through the sync API as its tills
 * and storefront would have made them) reach the till, then the sell screen's customer dialog is
 * opened and searched as a cashier does it.
 */
import type { Page } from "@playwright/test";
import { examples } from "@countertop/sync-protocol/testing";
import type { BenchServer } from "./bench-server";
import { p50, p95, round } from "./till-tab";

const SURNAMES = ["Martin", "Lee", "Dubois", "Okafor", "Müller", "Silva", "Novak", "Rossi"];

/**
 * Pushes `count` customers as the shop's manager; then, in the till's tab (online, on the sell
 * screen, nothing in its cart), waits until its customer dialog finds the last of them, and times
 * `opens` openings of the dialog (the tap until its list shows) and `searches` keystrokes in it
 * (until the list shows that search's customers). Sets `customer_dialog_open_p95_ms` and
 * `customer_search_p95_ms`.
 */
export async function measureCustomers(
  till: Page,
  call: BenchServer["call"],
  result: Record<string, number>,
  bench: { readonly count: number; readonly opens: number; readonly searches: number; readonly log: (message: string) => void },
): Promise<void> {
  const { count, log } = bench;
  const manager = (await call("POST", "/api/v1/auth/login", undefined, { email: "manager@demo.test", password: "demo-manager" }))
    .token as string;
  const now = new Date().toISOString();
  const started = performance.now();
  for (let i = 0; i < count; i += 500) {
    const rows = Array.from({ length: Math.min(500, count - i) }, (_, k) => {
      const n = i + k;
      return {
        newDocumentState: {
          ...examples.customers,
          id: crypto.randomUUID(),
          name: `Bench customer ${String(n).padStart(5, "0")} ${SURNAMES[n % SURNAMES.length]}`,
          email: `customer${n}@example.com`,
          phone: `+44 7700 ${String(n).padStart(6, "0")}`,
          addresses: [],
          createdAt: now,
          updatedAt: now,
        },
      };
    });
    await call("POST", "/sync/v1/customers/push", manager, rows);
  }
  await till.bringToFront();
  const last = `Bench customer ${String(count - 1).padStart(5, "0")}`;
  await till.getByRole("button", { name: "Customer", exact: true }).click();
  await till.getByLabel("Find customer").fill(last);
  await till
    .getByRole("dialog")
    .getByRole("button", { name: new RegExp(`^${last}`) })
    .waitFor({ timeout: 180_000 });
  await till.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  log(`${count} customers pushed and in the till's customer dialog after ${round((performance.now() - started) / 1000)} s`);

  const opens = await till.evaluate(dialogOpens, bench.opens);
  result.customer_dialog_open_p95_ms = round(p95(opens));
  log(
    `customer dialog with ${count} customers, tap until its list shows: ${opens.map((n) => round(n, 0)).join(", ")} ms; p95 ${result.customer_dialog_open_p95_ms} ms`,
  );

  await till.getByRole("button", { name: "Customer", exact: true }).click();
  const searches = await till.evaluate(customerSearches, bench.searches);
  await till.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  result.customer_search_p95_ms = round(p95(searches));
  log(`customer search over ${count} customers: p50 ${round(p50(searches))} ms, p95 ${result.customer_search_p95_ms} ms`);
}

/** In the tab: taps "Customer" and times until the dialog's list shows, then cancels it; `times` over. */
async function dialogOpens(times: number): Promise<number[]> {
  const until = <T>(find: () => T | null | undefined) =>
    new Promise<T>((resolve) => {
      const found = find();
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const hit = find();
        if (!hit) return;
        observer.disconnect();
        resolve(hit);
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
  const button = (label: string, within: ParentNode = document) =>
    Array.from(within.querySelectorAll("button")).find((b) => b.textContent?.trim() === label);
  const opens: number[] = [];
  for (let i = 0; i < times; i++) {
    const open = button("Customer")!;
    const t0 = performance.now();
    open.click();
    const dialog = await until(() => document.querySelector('[role="dialog"]'));
    await until(() => dialog.querySelector(".list-item"));
    opens.push(performance.now() - t0);
    button("Cancel", dialog)!.click();
    await until(() => (document.querySelector('[role="dialog"]') ? undefined : true));
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 50));
  }
  return opens;
}

/**
 * In the tab, the customer dialog open: keystrokes in its search box, each timed until its list
 * shows that search's customers (the list names its search in `data-search`, changed in the same commit).
 */
async function customerSearches(count: number): Promise<number[]> {
  const dialog = document.querySelector('[role="dialog"]')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const results = dialog.querySelector("[data-search]")!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  const type = (text: string) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (results.getAttribute("data-search") !== text) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - t0);
      });
      observer.observe(results, { attributes: true, attributeFilter: ["data-search"] });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the customer list never showed the search “${text}”`));
      }, 10_000);
      setValue.call(input, text);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  const words = ["b", "be", "ben", "bench c", "mart", "müll", "01234", "7700 0042", "example.com", "lee"];
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    times.push(await type(words[i % words.length]!));
    await type("");
    await new Promise((r) => setTimeout(r, Math.random() * 20));
  }
  return times;
}

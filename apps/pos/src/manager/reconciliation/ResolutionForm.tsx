import { parseMoney } from "@countertop/domain";
import type { Customer, Reconciliation, ResolutionAction, ResolutionEffects } from "@countertop/sync-protocol";
import { Alert, moneyFormatter, useDocuments } from "@countertop/ui";
import { useState, type FormEvent } from "react";
import { currencyDigits, decimal } from "../csv";
import type { ManagerContext } from "../manager-context";
import { OutboxRefusal, queueManagerWrite, wireDocument } from "../outbox";
import { KIND_LABEL } from "./queue";
import { ACTION_LABEL, ACTIONS, decisionProblem, resolved, type Decision } from "./resolve";

const REASONS = ["Damaged", "Stolen", "Miscounted before", "Given away", "Other"];

/** The variants whose unit price the till and the catalog disagreed on, with the till's price. */
function mismatchedPrices(item: Reconciliation, lines: ReadonlyMap<string, { variantId: string; name: string }>) {
  const list = Array.isArray(item.details?.mismatches)
    ? (item.details.mismatches as { field: string; lineId?: string; actual: number | null }[])
    : [];
  return list.flatMap((m) => {
    const line = m.lineId ? lines.get(m.lineId) : undefined;
    return m.field === "unitPrice" && line && m.actual !== null ? [{ variantId: line.variantId, name: line.name, price: m.actual }] : [];
  });
}

/**
 * What the manager decides about an open item: the actions that fit its kind, with what each needs
 * (a count, a reason, a price, the customer to keep) and a note. The resolution goes into the
 * manager outbox as one document with its effects; under a PIN it waits for a password sign-in.
 */
export function ResolutionForm({
  context,
  item,
  saleLines,
}: {
  context: ManagerContext;
  item: Reconciliation;
  /** The lines of the item's sale, when it is about one (for fixing prices). */
  saleLines?: ReadonlyMap<string, { variantId: string; name: string }>;
}) {
  const { replica, settings, presence, local, send } = context;
  const actions = ACTIONS[item.kind];
  const [action, setAction] = useState<ResolutionAction>(actions[0]!);
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [counted, setCounted] = useState("");
  const fixes = mismatchedPrices(item, saleLines ?? new Map());
  const [prices, setPrices] = useState<Record<string, string>>({});
  const matches = Array.isArray(item.details?.matches) ? (item.details.matches as string[]) : [];
  const customers = useDocuments<Customer>(
    () => replica.db.customers.find({ selector: { id: { $in: matches } } }).$,
    [replica, matches.join()],
  );
  const [mergeInto, setMergeInto] = useState(matches[0] ?? "");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const money = moneyFormatter(settings.currency, settings.locale);
  const asInput = (minor: number) => decimal(minor, currencyDigits(settings.currency));

  const decision = (): Decision | string => {
    const effects: ResolutionEffects = {};
    if (action === "recount") {
      const qty = counted.trim() === "" ? Number.NaN : Number(counted);
      if (!Number.isInteger(qty) || qty < 0) return "Enter how many you counted on the shelf (0 or more).";
      Object.assign(effects, { countedQty: qty });
    }
    if (action === "merge") Object.assign(effects, { mergeInto });
    if (action === "fix_price") {
      const chosen: { variantId: string; price: number }[] = [];
      for (const fix of fixes) {
        try {
          chosen.push({ variantId: fix.variantId, price: parseMoney(prices[fix.variantId] ?? asInput(fix.price), settings.currency) });
        } catch {
          return `Enter the right price of ${fix.name}, e.g. 2.50.`;
        }
      }
      Object.assign(effects, { prices: chosen });
    }
    return { action, note, reason: action === "accept" ? reason : undefined, effects };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = decision();
    const problem = typeof made === "string" ? made : decisionProblem(item.kind, made);
    if (problem || typeof made === "string") return setError(problem);
    setBusy(true);
    setError(undefined);
    try {
      const doc = await replica.db.reconciliation.findOne(item.id).exec();
      if (!doc || doc.status !== "open") return setError("This item was resolved meanwhile; see how below.");
      const current = wireDocument<Reconciliation>(doc);
      const by = presence.kind === "pin" ? presence.staffId : (presence.staffId ?? presence.session.userId);
      await queueManagerWrite(local, presence, {
        collection: "reconciliation",
        row: { assumedMasterState: current, newDocumentState: resolved(current, made, by, new Date()) },
        summary: `${ACTION_LABEL[made.action]}: ${KIND_LABEL[item.kind].toLowerCase()}`,
      });
      send();
    } catch (e) {
      setError(e instanceof OutboxRefusal ? e.message : "The resolution could not be kept on this till. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const usable = actions.filter((a) => a !== "fix_price" || fixes.length > 0);
  return (
    <form className="form resolution" onSubmit={(e) => void submit(e)} aria-label="Resolve">
      <h2>Resolve</h2>
      <div className="row" role="radiogroup" aria-label="Action">
        {usable.map((a) => (
          <label key={a} className="choice">
            <input type="radio" name="action" checked={action === a} onChange={() => setAction(a)} /> {ACTION_LABEL[a]}
          </label>
        ))}
      </div>
      {action === "recount" && (
        <label>
          Counted on the shelf now
          <input
            inputMode="numeric"
            value={counted}
            onChange={(e) => setCounted(e.target.value.replace(/[^\d]/g, ""))}
            aria-describedby="recount-help"
          />
          <span id="recount-help" className="muted small">
            Becomes a stock count as of now: sales made before it that sync later are not taken off again.
          </span>
        </label>
      )}
      {action === "accept" && (
        <label>
          Why was the shelf short?
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            <option value="">Choose a reason</option>
            {REASONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
      )}
      {action === "fix_price" &&
        fixes.map((fix) => (
          <label key={fix.variantId}>
            Catalog price of {fix.name} (the till sold it at {money(fix.price)})
            <input
              inputMode="decimal"
              value={prices[fix.variantId] ?? asInput(fix.price)}
              onChange={(e) => setPrices({ ...prices, [fix.variantId]: e.target.value })}
            />
          </label>
        ))}
      {action === "merge" && (
        <label>
          Keep this customer (the other is merged into it; no sale is rewritten)
          <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
            {matches.map((id) => {
              const c = customers?.find((x) => x.id === id);
              return (
                <option key={id} value={id}>
                  {c ? `${c.name}${c.email ? ` · ${c.email}` : ""}${c.phone ? ` · ${c.phone}` : ""}` : id}
                </option>
              );
            })}
          </select>
        </label>
      )}
      <label>
        Note{item.kind === "cash_variance" ? " (becomes the shift's review)" : ""}
        <textarea rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <Alert message={error} />
      <p className="muted small">
        {presence.kind === "session"
          ? "Sent with your sign-in; it shows as pending until the server accepts it."
          : "You opened manager mode with your PIN: this waits on the till until a manager signs in with their password and sends it."}
      </p>
      <button className="primary big" disabled={busy}>
        {ACTION_LABEL[action]}
      </button>
    </form>
  );
}

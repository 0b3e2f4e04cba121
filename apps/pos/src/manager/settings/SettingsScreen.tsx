import { settingsSchema, type Settings } from "@countertop/sync-protocol";
import { Alert, amountText, parsePercent, percentText } from "@countertop/ui";
import { useState } from "react";
import type { ManagerContext } from "../manager-context";
import { PendingBadge } from "../shared/PendingBadge";
import { SubNav } from "../shared/SubNav";
import { usePending } from "../shared/use-pending";
import { saveWrites } from "../shared/write";
import { LocationsEditor, ShippingEditor, TaxRatesEditor } from "./ListEditors";
import { ProfileFields } from "./ProfileFields";

type Tab = "profile" | "tax" | "receipt" | "shipping" | "locations";
const TABS = [
  ["profile", "Shop"],
  ["tax", "Tax rates"],
  ["receipt", "Receipts & approvals"],
  ["shipping", "Shipping"],
  ["locations", "Locations"],
] as const;

/**
 * The shop's settings as one document: profile (name, address, contact, logo, colour, locale, time
 * zone, currency), tax rates, receipt text, the discount-approval threshold, shipping options and
 * locations. Saved through the outbox with a password sign-in; the server merges field by field.
 */
export function SettingsScreen({ context }: { context: ManagerContext }) {
  const [draft, setDraft] = useState<Settings>(context.settings);
  const [tab, setTab] = useState<Tab>("profile");
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const pending = usePending(context, "settings").get("shop");
  const [threshold, setThreshold] = useState(() =>
    percentText(context.settings.discountApprovalThresholdBp, context.settings.locale).replace(/\s?%/, ""),
  );
  if (context.presence.kind !== "session")
    return (
      <main className="panel-page">
        <p className="muted">The shop's settings can only be changed after signing in with your password.</p>
      </main>
    );
  const update = (patch: Partial<Settings>) => {
    setSaved(undefined);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const save = async () => {
    const bp = parsePercent(threshold, draft.locale);
    if (bp === undefined || bp > 10_000) return setError("The approval threshold is a percentage between 0 and 100.");
    const next = { ...draft, discountApprovalThresholdBp: bp, updatedAt: new Date().toISOString() };
    const check = settingsSchema.safeParse(next);
    if (!check.success) {
      const issue = check.error.issues[0];
      return setError(`${issue?.path.join(" › ")}: ${issue?.message}`);
    }
    const refusal = await saveWrites(context, "settings", [
      { before: context.settings, after: next, summary: "Change the shop's settings" },
    ]);
    setError(refusal);
    if (!refusal) setSaved("Saved. Tills and the shop use the new settings once the server has them.");
  };

  return (
    <main className="panel-page wide-page" aria-labelledby="settings-title">
      <div className="row wrap">
        <h1 id="settings-title" className="grow">
          Settings <PendingBadge write={pending} />
        </h1>
        <button type="button" className="primary" onClick={() => void save()}>
          Save settings
        </button>
      </div>
      <SubNav label="Settings" tabs={TABS} current={tab} onChange={setTab} />
      <Alert message={error} />
      {saved && <p role="status">{saved}</p>}
      {tab === "profile" && <ProfileFields context={context} draft={draft} update={update} />}
      {tab === "tax" && <TaxRatesEditor draft={draft} update={update} />}
      {tab === "receipt" && (
        <div className="settings-grid">
          <label className="span-2">
            Receipt header
            <textarea
              rows={3}
              maxLength={2000}
              value={draft.receiptHeader ?? ""}
              onChange={(e) => update({ receiptHeader: e.target.value })}
            />
          </label>
          <label className="span-2">
            Receipt footer
            <textarea
              rows={3}
              maxLength={2000}
              value={draft.receiptFooter ?? ""}
              onChange={(e) => update({ receiptFooter: e.target.value })}
            />
          </label>
          <label>
            A cashier's discount above this share needs a manager's PIN (%)
            <input inputMode="decimal" value={threshold} onChange={(e) => (setThreshold(e.target.value), setSaved(undefined))} />
          </label>
          <p className="muted small">
            Example: {amountText(1000, draft.currency, draft.locale)} with more than {threshold || "0"} % off asks for a manager.
          </p>
        </div>
      )}
      {tab === "shipping" && <ShippingEditor draft={draft} update={update} />}
      {tab === "locations" && <LocationsEditor draft={draft} update={update} />}
    </main>
  );
}

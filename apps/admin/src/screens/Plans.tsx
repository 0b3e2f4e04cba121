import { Alert } from "@countertop/ui";
import { useState } from "react";
import { api, messageOf } from "../app/api";
import type { LimitName, ModuleName, Plan } from "../app/types";
import { useLoad } from "../app/use-load";
import { LIMIT_LABELS, MODULE_LABELS } from "../shops/plan-labels";
import { Owners } from "./Owners";

const LIMITS: readonly LimitName[] = ["registers", "locations", "staff", "products"];
const MODULES: readonly ModuleName[] = ["storefront", "online_orders", "emailed_receipts", "multi_location"];

/** One plan, editable: its name, limits (blank = no limit) and modules. */
function PlanCard({ plan, onSaved }: { plan: Plan; onSaved: () => void }) {
  const [name, setName] = useState(plan.name);
  const [limits, setLimits] = useState<Record<LimitName, string>>(
    Object.fromEntries(LIMITS.map((l) => [l, plan.limits[l] === null ? "" : String(plan.limits[l])])) as Record<LimitName, string>,
  );
  const [modules, setModules] = useState<ModuleName[]>([...plan.modules]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api("PUT", `/api/v1/admin/plans/${plan.id}`, {
        name,
        limits: Object.fromEntries(LIMITS.map((l) => [l, limits[l].trim() === "" ? null : Number(limits[l])])),
        modules,
      });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel plan-card" onSubmit={(e) => (e.preventDefault(), void save())} aria-label={`Plan ${plan.name}`}>
      <div className="panel-head">
        <label className="inline">
          Name
          <input required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <span className="muted">
          {plan.shops ?? 0} {plan.shops === 1 ? "shop" : "shops"} · id <code>{plan.id}</code>
        </span>
      </div>
      <div className="limits">
        {LIMITS.map((l) => (
          <label key={l}>
            {LIMIT_LABELS[l]}
            <input
              inputMode="numeric"
              pattern="\d*"
              placeholder="no limit"
              value={limits[l]}
              onChange={(e) => setLimits({ ...limits, [l]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <fieldset className="modules">
        <legend>Modules</legend>
        {MODULES.map((m) => (
          <label key={m} className="choice">
            <input
              type="checkbox"
              checked={modules.includes(m)}
              onChange={(e) => setModules(e.target.checked ? [...modules, m] : modules.filter((x) => x !== m))}
            />
            {MODULE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <Alert message={error} />
      {saved && <p role="status">Saved. Shops on this plan follow it from their next request; nothing they have is deleted.</p>}
      <button className="primary" disabled={busy}>
        {busy ? "Saving…" : "Save plan"}
      </button>
    </form>
  );
}

/** The platform's plans with their limits and modules, and its owners. */
export function Plans() {
  const plans = useLoad(() => api<{ plans: Plan[] }>("GET", "/api/v1/admin/plans"), "plans");
  return (
    <>
      <div className="page-head">
        <h1>Plans</h1>
      </div>
      <p className="muted">
        What each plan allows. The server enforces it wherever something is created; a shop's own limits (on its page) win over its plan's.
        Lowering a limit deletes nothing.
      </p>
      <Alert message={plans.error} />
      <div className="grid-3">
        {plans.data?.plans.map((p) => (
          <PlanCard key={`${p.id}|${p.name}|${p.shops}`} plan={p} onSaved={plans.reload} />
        ))}
      </div>
      <Owners />
    </>
  );
}

import { Alert } from "@countertop/ui";
import { useState } from "react";
import { api, messageOf } from "../app/api";
import type { LimitName, ModuleName, Plan, PlanOverrides, TenantDetail } from "../app/types";
import { useLoad } from "../app/use-load";
import { LIMIT_LABELS, MODULE_LABELS } from "./plan-labels";

const LIMITS: readonly LimitName[] = ["registers", "locations", "staff", "products"];
const MODULES: readonly ModuleName[] = ["storefront", "online_orders", "emailed_receipts", "multi_location"];

/** A shop's plan and its own limits and modules (blank follows the plan), with what it uses of each. */
export function PlanPanel({ shop, onChanged }: { shop: TenantDetail; onChanged: () => void }) {
  const plans = useLoad(() => api<{ plans: Plan[] }>("GET", "/api/v1/admin/plans"), "plans");
  const [planId, setPlanId] = useState(shop.plan.id);
  const [limits, setLimits] = useState<Partial<Record<LimitName, string>>>(() =>
    Object.fromEntries(Object.entries(shop.plan.overrides.limits ?? {}).map(([k, v]) => [k, v === null ? "none" : String(v)])),
  );
  const [modules, setModules] = useState<Partial<Record<ModuleName, boolean>>>(shop.plan.overrides.modules ?? {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const base = plans.data?.plans.find((p) => p.id === planId);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    const overrides: PlanOverrides = {
      limits: Object.fromEntries(
        Object.entries(limits)
          .filter(([, v]) => v !== undefined && v.trim() !== "")
          .map(([k, v]) => [k, v!.trim() === "none" ? null : Number(v)]),
      ),
      modules,
    };
    try {
      await api("PUT", `/api/v1/admin/tenants/${shop.id}/plan`, { planId, overrides });
      setSaved(true);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">Plan and limits</h2>
      <label className="inline">
        Plan
        <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
          {(plans.data?.plans ?? [shop.plan]).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <table className="table compact">
        <thead>
          <tr>
            <th>Limit</th>
            <th className="num">Uses</th>
            <th className="num">Plan</th>
            <th>This shop</th>
          </tr>
        </thead>
        <tbody>
          {LIMITS.map((l) => {
            const allowed = shop.plan.limits[l];
            return (
              <tr key={l}>
                <td>{LIMIT_LABELS[l]}</td>
                <td className={allowed !== null && shop.usage[l] > allowed ? "num warn-text" : "num"}>{shop.usage[l]}</td>
                <td className="num">{base ? (base.limits[l] ?? "no limit") : "…"}</td>
                <td>
                  <input
                    className="narrow"
                    aria-label={`${LIMIT_LABELS[l]} for this shop`}
                    placeholder="plan"
                    value={limits[l] ?? ""}
                    onChange={(e) => setLimits({ ...limits, [l]: e.target.value })}
                    inputMode="numeric"
                    pattern="\d*|none"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <fieldset className="modules">
        <legend>Modules</legend>
        {MODULES.map((m) => (
          <label key={m} className="inline">
            {MODULE_LABELS[m]}
            <select
              value={modules[m] === undefined ? "plan" : modules[m] ? "on" : "off"}
              onChange={(e) => {
                const next = { ...modules };
                if (e.target.value === "plan") delete next[m];
                else next[m] = e.target.value === "on";
                setModules(next);
              }}
            >
              <option value="plan">As the plan ({base?.modules.includes(m) ? "on" : "off"})</option>
              <option value="on">On</option>
              <option value="off">Off</option>
            </select>
          </label>
        ))}
      </fieldset>
      <p className="muted small">
        A lower limit deletes nothing: the shop keeps what it has and cannot add more. Type "none" for no limit.
      </p>
      <Alert message={error} />
      {saved && <p role="status">Saved. It applies from the shop's next request.</p>}
      <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
        {busy ? "Saving…" : "Save plan"}
      </button>
    </section>
  );
}

import { jsonEqual } from "@countertop/domain";
import { AuditAction, actorOf } from "../../../audit/audit";
import { moduleDisabledMessage, planLimitMessage } from "../../../plans/plan-limits";
import { shopPlan } from "../../../plans/plan.repository";
import { refusal, type PushPlan } from "../push-plan";

/**
 * The shop's settings are a manager's; every change is recorded with the fields it changed. A new
 * location needs the plan's `multi_location` module and room under its locations limit.
 */
export const settingsPlan: PushPlan<"settings"> = {
  collection: "settings",
  writers: {
    // The one settings document every till and the storefront read: changed, never deleted.
    manager: ({ incoming }) => (incoming._deleted ? refusal("The shop's settings can be changed, not deleted.") : undefined),
  },
  prepare: async (io) => {
    const plan = io.principal.kind === "manager" ? await shopPlan(io.trx, io.tenantId, { lock: true }) : undefined;
    return {
      check: ({ incoming, master }) => {
        const [before, after] = [master?.locations.length ?? 0, incoming.locations.length];
        if (!plan || after <= Math.max(before, 1)) return undefined;
        if (!plan.modules.has("multi_location")) return refusal(moduleDisabledMessage(plan, "multi_location"), "module_disabled");
        const allowed = plan.limits.locations;
        return allowed !== null && after > allowed ? refusal(planLimitMessage(plan, "locations", before), "plan_limit") : undefined;
      },
      derive: ({ changes }) => ({
        audit: changes.map(({ before, after }) => ({
          action: AuditAction.settingsChanged,
          actor: actorOf(io.principal, io.address),
          outcome: "ok" as const,
          targets: [{ type: "settings", id: after.id }],
          details: {
            fields: [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])]
              .filter((k) => k !== "updatedAt" && !jsonEqual(before?.[k], after[k]))
              .sort(),
          },
        })),
      }),
    };
  },
};

import { jsonEqual } from "@countertop/domain";
import { AuditAction, actorOf } from "../../../audit/audit";
import type { PushPlan } from "../push-plan";

/** The shop's settings are a manager's; every change is recorded with the fields it changed. */
export const settingsPlan: PushPlan<"settings"> = {
  collection: "settings",
  writers: { manager: true },
  prepare: (io) => ({
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
  }),
};

import type { Staff } from "@countertop/sync-protocol";
import { AuditAction, actorOf, type AuditEvent } from "../../../audit/audit";
import { disableManager } from "../../../auth/user.repository";
import { liveLimitCheck } from "../plan-limit-check";
import { refusal, type PushIO, type PushPlan } from "../push-plan";

const ended = (staff: Staff | undefined) => !staff || staff._deleted || !staff.active;

/** What the audit log records of one staff change: a new role, a deactivation. */
function staffEvents(before: Staff | undefined, after: Staff, io: PushIO): AuditEvent[] {
  const actor = actorOf(io.principal, io.address);
  const target = [{ type: "staff", id: after.id }];
  return [
    ...(before?.role !== after.role
      ? [
          {
            action: AuditAction.roleChanged,
            actor,
            outcome: "ok" as const,
            targets: target,
            details: { from: before?.role ?? null, to: after.role },
          },
        ]
      : []),
    ...(!ended(before) && ended(after) ? [{ action: AuditAction.staffDeactivated, actor, outcome: "ok" as const, targets: target }] : []),
  ];
}

/**
 * People are a manager's to write — but never their PIN (set through `PUT /api/v1/staff/{id}/pin`,
 * where the server hashes it) nor their link to a manager's sign-in. A person and their sign-in
 * are one identity: deactivating a manager's staff document disables the sign-in and ends every
 * session of it, in the same transaction. The shop's plan limits its active staff.
 */
export const staffPlan: PushPlan<"staff"> = {
  collection: "staff",
  writers: {
    manager: ({ incoming, master }) => {
      if (incoming.pinHash !== master?.pinHash) return refusal("PINs are set through PUT /api/v1/staff/{id}/pin, never pushed.");
      if (incoming.userId !== master?.userId) return refusal("A person's sign-in link is set by the server.");
      return undefined;
    },
  },
  prepare: async (io) => ({
    check: await liveLimitCheck(io, "staff"),
    derive: async ({ changes }) => {
      for (const { before, after } of changes) {
        if (after.userId !== undefined && !ended(before) && ended(after)) await disableManager(io.trx, io.tenantId, after.userId, io.now);
      }
      return { audit: changes.flatMap(({ before, after }) => staffEvents(before, after, io)) };
    },
  }),
};

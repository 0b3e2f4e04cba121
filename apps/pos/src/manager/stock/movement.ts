import type { StockMovement, StockMovementReason } from "@countertop/sync-protocol";
import { uuidv7 } from "uuidv7";
import type { ManagerContext } from "../manager-context";

/**
 * A new stock movement recorded by the manager now (or at `occurredAt`), with who made it and on
 * which till. It goes to the server through the manager outbox.
 */
export function newMovement(
  context: ManagerContext,
  fields: Partial<StockMovement> & { locationId: string; variantId: string; delta: number; reason: StockMovementReason },
): StockMovement {
  const { staffId } = context.presence;
  return {
    id: uuidv7(),
    ...fields,
    occurredAt: fields.occurredAt ?? new Date().toISOString(),
    ...(staffId ? { staffId } : {}),
    ...(context.till.deviceId ? { deviceId: context.till.deviceId } : {}),
    _deleted: false,
  };
}

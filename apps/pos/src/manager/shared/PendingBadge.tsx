import type { ManagerWrite } from "../../data/local-db";
import { pendingLabel } from "./use-pending";

/** "Pending" (or "Refused") beside a document a manager changed and the server has not accepted yet. */
export function PendingBadge({ write }: { write: ManagerWrite | undefined }) {
  const label = pendingLabel(write);
  if (!label) return null;
  return (
    <span className={`badge outbox-${write?.state === "refused" ? "refused" : "waiting"}`} title={write?.lastError} data-testid="pending">
      {label}
    </span>
  );
}

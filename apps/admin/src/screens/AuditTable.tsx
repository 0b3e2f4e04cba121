import { actionLabel, formatDateTime } from "../app/format";
import { Link } from "../app/Link";
import type { AuditEntry } from "../app/types";

const ACTORS: Record<string, string> = { owner: "Owner", manager: "Manager", device: "Till", shopper: "Shopper", anonymous: "Server" };

/** What an event's details say, briefly. */
function summary(e: AuditEntry): string {
  const d = e.details ?? {};
  const parts = Object.entries(d)
    // Ids say little to a person here; names, reasons and amounts do.
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object" && !/^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(String(v)))
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.join(" · ");
}

/** A list of audit events: when, which shop, who, what, and how it ended. */
export function AuditTable({ events, showShop = true }: { events: readonly AuditEntry[]; showShop?: boolean }) {
  if (events.length === 0) return <p className="empty muted">No events match.</p>;
  return (
    <table className="table compact audit">
      <thead>
        <tr>
          <th>When</th>
          {showShop && <th>Shop</th>}
          <th>Who</th>
          <th>What</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} className={e.outcome === "refused" ? "refused" : undefined}>
            <td className="nowrap">{formatDateTime(e.at)}</td>
            {showShop && (
              <td>{e.shop ? <Link to={`/shops/${e.tenantId}`}>{e.shop.name}</Link> : <span className="muted">Platform</span>}</td>
            )}
            <td>
              {ACTORS[e.actorKind] ?? e.actorKind}
              {e.actorName && e.actorId ? (
                <div className="small">
                  <Link
                    to={`/audit?actorKind=${e.actorKind}&actorId=${encodeURIComponent(e.actorId)}`}
                    title="Only this person's or till's events"
                  >
                    {e.actorName}
                  </Link>
                </div>
              ) : null}
            </td>
            <td>
              <div>{actionLabel(e.action)}</div>
              <code className="small">{e.action}</code>
              {e.outcome === "refused" && <span className="badge badge-suspended">refused</span>}
            </td>
            <td className="small">{summary(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { formatCount, timeAgo } from "../app/format";
import type { TenantDetail } from "../app/types";

/** The shop's tills with their last sync, what waits on them, and their app version. */
export function RegistersPanel({ shop }: { shop: TenantDetail }) {
  return (
    <section className="panel" aria-labelledby="registers-title">
      <h2 id="registers-title">Tills</h2>
      {shop.registers.length === 0 ? (
        <p className="muted">No till is registered yet. A manager registers one at /pos/.</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>Till</th>
              <th>Last sync</th>
              <th className="num">Waiting</th>
              <th>App</th>
            </tr>
          </thead>
          <tbody>
            {shop.registers.map((r) => (
              <tr key={r.id} className={r.revokedAt ? "muted" : undefined}>
                <td>
                  {r.name}
                  {r.revokedAt && <span className="badge badge-closed">Revoked</span>}
                </td>
                <td>{timeAgo(r.lastSyncAt)}</td>
                <td className={r.pendingDocs ? "num warn-text" : "num"}>{r.pendingDocs === null ? "–" : formatCount(r.pendingDocs)}</td>
                <td>{r.appVersion ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

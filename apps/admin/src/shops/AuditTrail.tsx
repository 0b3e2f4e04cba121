import { Alert } from "@countertop/ui";
import { api } from "../app/api";
import { Link } from "../app/Link";
import type { AuditEntry } from "../app/types";
import { useLoad } from "../app/use-load";
import { AuditTable } from "../screens/AuditTable";

/** The last events of one shop's audit trail, with a link to all of them. */
export function AuditTrail({ tenantId }: { tenantId: string }) {
  const trail = useLoad(() => api<{ events: AuditEntry[] }>("GET", `/api/v1/admin/audit?tenantId=${tenantId}&limit=15`), tenantId);
  return (
    <section className="panel" aria-labelledby="trail-title">
      <div className="panel-head">
        <h2 id="trail-title">Audit trail</h2>
        <Link to={`/audit?tenantId=${tenantId}`}>All of this shop's events</Link>
      </div>
      <Alert message={trail.error} />
      {trail.data && <AuditTable events={trail.data.events} showShop={false} />}
    </section>
  );
}

import { Alert } from "@countertop/ui";
import { api } from "../app/api";
import { formatDate } from "../app/format";
import { Link } from "../app/Link";
import type { TenantDetail } from "../app/types";
import { useLoad } from "../app/use-load";
import { AuditTrail } from "./AuditTrail";
import { DomainPanel } from "./DomainPanel";
import { ExportButton } from "./ExportButton";
import { ManagersPanel } from "./ManagersPanel";
import { PlanPanel } from "./PlanPanel";
import { RegistersPanel } from "./RegistersPanel";
import { ShopFigures } from "./ShopFigures";
import { StandingPanel } from "./StandingPanel";
import { StatusBadge } from "./StatusBadge";

/** A shop's page: its figures over time, tills, plan and limits, domain, standing, managers and audit trail. */
export function ShopPage({ id }: { id: string }) {
  const shop = useLoad(() => api<TenantDetail>("GET", `/api/v1/admin/tenants/${id}`), id);
  const detail = shop.data;
  if (!detail) {
    return (
      <>
        <Alert message={shop.error} />
        {!shop.error && <p className="muted">Loading the shop…</p>}
        <Link to="/shops">Back to shops</Link>
      </>
    );
  }
  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {detail.name} <StatusBadge status={detail.status} />
          </h1>
          <p className="muted">
            /{detail.slug} · {detail.plan.name} plan · {detail.currency}
            {detail.locale ? ` · ${detail.locale}` : ""} · created {formatDate(detail.createdAt)}
          </p>
        </div>
        <div className="controls">
          {detail.status === "active" && (
            <a className="button" href={`/shop/${detail.slug}/`} target="_blank" rel="noreferrer">
              Open storefront
            </a>
          )}
          {detail.status !== "deleted" && <ExportButton id={id} slug={detail.slug} />}
        </div>
      </div>
      <Alert message={shop.error} />
      <StandingPanel shop={detail} onChanged={shop.reload} />
      <ShopFigures id={id} currency={detail.currency} />
      <div className="grid-2">
        <RegistersPanel shop={detail} />
        <PlanPanel shop={detail} onChanged={shop.reload} />
      </div>
      <div className="grid-2">
        <DomainPanel shop={detail} onChanged={shop.reload} />
        <ManagersPanel shop={detail} />
      </div>
      <AuditTrail tenantId={id} />
    </>
  );
}

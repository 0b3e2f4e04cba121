import type { Reconciliation, Sale } from "@countertop/sync-protocol";
import { Alert, useDocument } from "@countertop/ui";
import { useMemo } from "react";
import type { ManagerWrite } from "../../data/local-db";
import { useNotSaved } from "../../data/use-not-saved";
import type { ManagerContext } from "../manager-context";
import { dateTime, type Names } from "../names";
import { discardManagerWrite } from "../outbox";
import { reportTimeZone } from "../reports/report-store";
import { ShiftDetail } from "../shifts/ShiftDetail";
import { DuplicateContext, OversellContext, StaleCatalogContext } from "./KindContext";
import { KIND_LABEL, resolutionStanding } from "./queue";
import { ACTION_LABEL } from "./resolve";
import { ResolutionForm } from "./ResolutionForm";
import { SaleContext } from "./SaleContext";

const SALE_KINDS = new Set<Reconciliation["kind"]>(["price_mismatch", "late_sync", "flagged_sale", "refund_exceeds_sale"]);

/**
 * One item with its context, read from the replica, and what to do about it. A resolution made on
 * this till shows as pending until the server accepts it; one that lost to another till's shows that
 * till's resolution, which is the one that counts.
 */
export function ItemView({
  context,
  item,
  write,
  names,
  onBack,
}: {
  context: ManagerContext;
  item: Reconciliation;
  write: ManagerWrite | undefined;
  names: Names;
  onBack: () => void;
}) {
  const { replica, settings, local } = context;
  const db = replica.db;
  const timeZone = reportTimeZone(settings.timeZone);
  const standing = resolutionStanding(item, write);
  const isSale = SALE_KINDS.has(item.kind);
  const sale = useDocument<Sale>(() => (isSale ? db.sales.findOne(item.refId).$ : undefined), [db, item.refId, isSale]);
  const saleLines = useMemo(() => new Map((sale?.lines ?? []).map((l) => [l.id, { variantId: l.variantId, name: l.name }])), [sale]);
  const mismatches = item.kind === "price_mismatch" && Array.isArray(item.details?.mismatches) ? (item.details.mismatches as never[]) : [];
  const syncedAt = typeof item.details?.receivedAt === "string" ? item.details.receivedAt : item.createdAt;
  const { error: discardError, attempt } = useNotSaved();
  const discard = (id: string) => void attempt({ failed: "Your resolution was not discarded" }, () => discardManagerWrite(local, id));

  return (
    <main className="panel-page recon-item-view" aria-labelledby="item-title">
      <button type="button" className="link" onClick={onBack}>
        ← Back to the queue
      </button>
      <h1 id="item-title">{KIND_LABEL[item.kind]}</h1>
      <p className="muted">Raised {dateTime(item.createdAt, settings, timeZone)}</p>
      {standing === "pending" && item.status === "open" && write && (
        <p className="notice pending-note" role="status">
          Your resolution ({ACTION_LABEL[(write.row.newDocumentState as Reconciliation).action ?? "acknowledge"]}) is{" "}
          {write.state === "refused"
            ? `refused: ${write.lastError ?? "the server did not take it"}`
            : write.approved
              ? "waiting to reach the server"
              : "waiting for a manager's password sign-in"}
          . Until the server accepts it, the item stays open everywhere.
        </p>
      )}
      {standing === "beaten" && write && (
        <div className="notice warn-note" role="alert">
          <p>
            This item was resolved first on another till by {names.staff(item.resolvedBy)}: that resolution is the one that counts. Yours (
            {ACTION_LABEL[(write.row.newDocumentState as Reconciliation).action ?? "acknowledge"]}) was not applied, nor anything it would
            have changed.
          </p>
          <button type="button" onClick={() => discard(write.id)}>
            Discard mine
          </button>
          <Alert message={discardError} />
        </div>
      )}
      {item.status === "resolved" && (
        <section aria-label="Resolution" className="context resolved-box">
          <h2>Resolved</h2>
          <dl className="facts">
            <dt>By</dt>
            <dd>
              {names.staff(item.resolvedBy)}, {dateTime(item.resolvedAt, settings, timeZone)}
            </dd>
            <dt>Action</dt>
            <dd>{item.action ? ACTION_LABEL[item.action] : "—"}</dd>
            {item.reason && (
              <>
                <dt>Reason</dt>
                <dd>{item.reason}</dd>
              </>
            )}
            {item.effects?.countedQty !== undefined && (
              <>
                <dt>Counted</dt>
                <dd>{item.effects.countedQty}</dd>
              </>
            )}
            <dt>Note</dt>
            <dd>{item.resolution || "—"}</dd>
          </dl>
        </section>
      )}
      {item.kind === "oversell" && <OversellContext db={db} item={item} names={names} />}
      {isSale && (
        <SaleContext
          db={db}
          saleId={item.refId}
          syncedAt={syncedAt}
          mismatches={mismatches}
          settings={settings}
          timeZone={timeZone}
          names={names}
        />
      )}
      {item.kind === "flagged_sale" && Array.isArray(item.details?.reasons) && (
        <p>Set aside because: {(item.details.reasons as string[]).map((r) => r.replace(/_/g, " ")).join(", ")}.</p>
      )}
      {item.kind === "cash_variance" && <ShiftDetail db={db} shiftId={item.refId} settings={settings} timeZone={timeZone} names={names} />}
      {item.kind === "duplicate_customer" && <DuplicateContext db={db} item={item} settings={settings} timeZone={timeZone} />}
      {item.kind === "stale_catalog" && <StaleCatalogContext item={item} settings={settings} timeZone={timeZone} names={names} />}
      {item.status === "open" && standing === "none" && <ResolutionForm context={context} item={item} saleLines={saleLines} />}
    </main>
  );
}

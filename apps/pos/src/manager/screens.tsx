import { shopFormat } from "@countertop/ui";
import { NeedsAttentionList, useNeedsAttention } from "../attention/NeedsAttentionList";
import { OrdersScreen } from "../orders/OrdersScreen";
import { CatalogScreen } from "./catalog/CatalogScreen";
import type { ManagerContext, ManagerScreen } from "./manager-context";
import { PeopleScreen } from "./people/PeopleScreen";
import { PromotionsScreen } from "./promotions/PromotionsScreen";
import { SettingsScreen } from "./settings/SettingsScreen";
import { LowStockBadge } from "./stock/LowStockBadge";
import { StockScreen } from "./stock/StockScreen";
import { OutboxList, useManagerWrites } from "./OutboxList";
import { OpenItemsBadge, ReconciliationScreen } from "./reconciliation/ReconciliationScreen";
import { warmReports } from "./reports/report-ranges";
import { ReportsScreen } from "./reports/ReportsScreen";
import { ShiftsScreen } from "./shifts/ShiftsScreen";

/** Who is in manager mode and what waits: the first screen. */
function Overview({ context }: { context: ManagerContext }) {
  const { presence, local } = context;
  const writes = useManagerWrites(local);
  const attention = useNeedsAttention(local);
  const waiting = (writes ?? []).filter((w) => w.state !== "accepted").length;
  return (
    <main className="panel-page" aria-labelledby="overview-title">
      <h1 id="overview-title">Manager mode</h1>
      {presence.kind === "session" ? (
        <p>
          {presence.session.name} is signed in with their password
          {presence.session.expiresAt ? ` until ${shopFormat(context.settings).time(presence.session.expiresAt)}` : ""}. Changes go to the
          server with this sign-in; leaving manager mode ends it on this till.
        </p>
      ) : (
        <p>
          {presence.name} opened manager mode with their PIN, without a sign-in. Changes wait on this till until a manager signs in with
          their password and sends them; staff, PINs and settings can't be changed.
        </p>
      )}
      <ul className="list">
        <li className="list-item static count-row">
          <span>Manager changes not yet accepted</span>
          <span className="num" data-testid="outbox-count">
            {waiting}
          </span>
        </li>
        <li className="list-item static count-row">
          <span>Needs attention</span>
          <span className="num">{attention?.length ?? 0}</span>
        </li>
      </ul>
    </main>
  );
}

/** Manager mode's screens, in menu order; each later screen is one more entry here. */
export const MANAGER_SCREENS: readonly ManagerScreen[] = [
  { id: "overview", label: "Overview", render: (context) => <Overview context={context} /> },
  {
    id: "reconciliation",
    label: "Reconciliation",
    render: (context) => <ReconciliationScreen context={context} />,
    badge: (context) => <OpenItemsBadge context={context} />,
  },
  { id: "reports", label: "Reports", render: (context) => <ReportsScreen context={context} />, warm: warmReports },
  { id: "shifts", label: "Shifts & cash", render: (context) => <ShiftsScreen context={context} /> },
  { id: "catalog", label: "Catalog", render: (context) => <CatalogScreen context={context} /> },
  {
    id: "stock",
    label: "Stock",
    render: (context) => <StockScreen context={context} />,
    badge: (context) => <LowStockBadge context={context} />,
  },
  { id: "promotions", label: "Promotions", render: (context) => <PromotionsScreen context={context} /> },
  { id: "people", label: "People & tills", render: (context) => <PeopleScreen context={context} /> },
  { id: "settings", label: "Settings", render: (context) => <SettingsScreen context={context} /> },
  {
    id: "orders",
    label: "Online orders",
    render: (context) => <OrdersScreen db={context.replica.db} settings={context.settings} local={context.local} manager={context} />,
  },
  {
    id: "outbox",
    label: "Changes",
    render: (context) => (
      <main className="panel-page">
        <OutboxList context={context} />
      </main>
    ),
  },
  {
    id: "attention",
    label: "Needs attention",
    render: (context) => (
      <main className="panel-page">
        <h2>Needs attention</h2>
        <NeedsAttentionList local={context.local} replica={context.replica} time={shopFormat(context.settings).dateTime} />
      </main>
    ),
  },
];

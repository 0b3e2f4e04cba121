import { Alert } from "@countertop/ui";
import { useEffect, useState } from "react";
import { api } from "../app/api";
import { formatCount, formatDate, formatMoney, timeAgo } from "../app/format";
import { Link } from "../app/Link";
import { navigate } from "../app/router";
import type { Plan, TenantPage } from "../app/types";
import { useLoad } from "../app/use-load";
import { StatusBadge } from "../shops/StatusBadge";

type SortKey = "name" | "slug" | "created" | "gmv" | "orders" | "tills" | "lastSync" | "reconciliation";

const COLUMNS: readonly { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Shop" },
  { key: "created", label: "Created" },
  { key: "gmv", label: "GMV 30 d", numeric: true },
  { key: "orders", label: "Orders 30 d", numeric: true },
  { key: "tills", label: "Active tills", numeric: true },
  { key: "lastSync", label: "Last sync" },
  { key: "reconciliation", label: "Open items", numeric: true },
];

/** The table of every shop: search, filters by status and plan, sort by any figure, a page at a time. */
export function Shops({ query }: { query: URLSearchParams }) {
  const params = new URLSearchParams(query);
  const sort = (params.get("sort") as SortKey | null) ?? "created";
  const dir = params.get("dir") === "asc" ? "asc" : "desc";
  const page = Number(params.get("page") ?? "1") || 1;
  const [search, setSearch] = useState(params.get("q") ?? "");
  const key = params.toString();
  const shops = useLoad(() => api<TenantPage>("GET", `/api/v1/admin/tenants?${key}`), key);
  const plans = useLoad(() => api<{ plans: Plan[] }>("GET", "/api/v1/admin/plans"), "plans");

  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!("page" in changes)) next.delete("page");
    navigate(`/shops${next.size > 0 ? `?${next.toString()}` : ""}`, { replace: true });
  };
  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    if (search === (params.get("q") ?? "")) return;
    const timer = setTimeout(() => go({ q: search.trim() || undefined }), 300);
    return () => clearTimeout(timer);
  });

  const data = shops.data;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, data.page * data.pageSize) : 0;
  return (
    <>
      <div className="page-head">
        <h1>Shops</h1>
        <Link className="button primary" to="/shops/new">
          New shop
        </Link>
      </div>
      <div className="filters" role="search">
        <label className="grow">
          Search
          <input type="search" placeholder="Name, slug or domain" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          Status
          <select value={params.get("status") ?? ""} onChange={(e) => go({ status: e.target.value || undefined })}>
            <option value="">All but deleted</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
            <option value="closed">Closed</option>
            <option value="deleted">Deleted</option>
          </select>
        </label>
        <label>
          Plan
          <select value={params.get("plan") ?? ""} onChange={(e) => go({ plan: e.target.value || undefined })}>
            <option value="">All plans</option>
            {plans.data?.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Alert message={shops.error} />
      <section className="panel flush" aria-busy={shops.loading}>
        <table className="table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.numeric ? "num" : undefined}
                  aria-sort={sort === c.key ? (dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() => go({ sort: c.key, dir: sort === c.key && dir === "desc" ? "asc" : "desc" })}
                  >
                    {c.label}
                    <span aria-hidden="true">{sort === c.key ? (dir === "asc" ? " ▲" : " ▼") : ""}</span>
                  </button>
                </th>
              ))}
              <th>Plan</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {data?.tenants.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link to={`/shops/${t.id}`}>{t.name}</Link>
                  <div className="muted small">
                    /{t.slug}
                    {t.domain ? ` · ${t.domain}` : ""}
                  </div>
                </td>
                <td>{formatDate(t.createdAt)}</td>
                <td className="num">{formatMoney(t.gmv30, t.currency)}</td>
                <td className="num">{formatCount(t.orders30)}</td>
                <td className="num">{formatCount(t.activeTills)}</td>
                <td>{timeAgo(t.lastSyncAt)}</td>
                <td className={t.openReconciliation > 0 ? "num warn-text" : "num"}>{formatCount(t.openReconciliation)}</td>
                <td>{plans.data?.plans.find((p) => p.id === t.planId)?.name ?? t.planId}</td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {data && data.tenants.length === 0 && (
          <p className="empty">
            {params.size > 0 ? "No shop matches. Change the search or the filters." : "No shops yet. Create the first one."}
          </p>
        )}
        {!data && !shops.error && <p className="empty muted">Loading shops…</p>}
      </section>
      {data && data.total > 0 && (
        <nav className="pager" aria-label="Pages">
          <span className="muted">
            {formatCount(from)}–{formatCount(to)} of {formatCount(data.total)}
          </span>
          <button type="button" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
            Previous
          </button>
          <button type="button" disabled={to >= data.total} onClick={() => go({ page: String(page + 1) })}>
            Next
          </button>
        </nav>
      )}
    </>
  );
}

import { Alert } from "@countertop/ui";
import { useEffect, useState, type FormEvent } from "react";
import { api, messageOf } from "../app/api";
import { actionLabel } from "../app/format";
import { navigate } from "../app/router";
import type { AuditEntry, TenantPage } from "../app/types";
import { useLoad } from "../app/use-load";
import { AuditTable } from "./AuditTable";

interface AuditPage {
  readonly events: AuditEntry[];
  readonly next: string | null;
}

const AREAS = ["auth.", "tenant.", "device.", "staff.", "product.", "settings.", "sync.", "plan.", "owner.", "user."];

/** The audit log across shops and the platform: filtered by shop, actor, action, outcome and time, newest first. */
export function AuditLog({ query }: { query: URLSearchParams }) {
  const key = query.toString();
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string>();
  const page = useLoad(() => api<AuditPage>("GET", `/api/v1/admin/audit?${key}`), key);
  const actions = useLoad(() => api<{ actions: string[] }>("GET", "/api/v1/admin/audit/actions"), "actions");
  const shop = useLoad(
    () =>
      query.get("tenantId")
        ? api<{ name: string; slug: string }>("GET", `/api/v1/admin/tenants/${query.get("tenantId")}`)
        : Promise.resolve(undefined),
    query.get("tenantId") ?? "",
  );
  useEffect(() => {
    setMore([]);
    setNext(page.data?.next ?? null);
  }, [page.data]);

  const [slug, setSlug] = useState("");
  const [slugError, setSlugError] = useState<string>();
  const set = (changes: Record<string, string | undefined>) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes))
      if (v) q.set(k, v);
      else q.delete(k);
    navigate(`/audit${q.size > 0 ? `?${q.toString()}` : ""}`, { replace: true });
  };
  const pickShop = async (event: FormEvent) => {
    event.preventDefault();
    setSlugError(undefined);
    const wanted = slug.trim().toLowerCase();
    if (!wanted) return set({ tenantId: undefined });
    try {
      const found = await api<TenantPage>("GET", `/api/v1/admin/tenants?q=${encodeURIComponent(wanted)}&pageSize=20`);
      const match = found.tenants.find((t) => t.slug === wanted) ?? (found.tenants.length === 1 ? found.tenants[0] : undefined);
      if (!match)
        return setSlugError(found.tenants.length === 0 ? "No shop has that slug or name." : "Several shops match: type the whole slug.");
      setSlug("");
      set({ tenantId: match.id, scope: undefined });
    } catch (e) {
      setSlugError(messageOf(e));
    }
  };
  const loadMore = async () => {
    if (!next) return;
    const q = new URLSearchParams(query);
    q.set("before", next);
    try {
      const answer = await api<AuditPage>("GET", `/api/v1/admin/audit?${q.toString()}`);
      setMore((m) => [...m, ...answer.events]);
      setNext(answer.next);
    } catch (e) {
      setMoreError(messageOf(e));
    }
  };
  const day = (name: string) => query.get(name)?.slice(0, 10) ?? "";

  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
      </div>
      <div className="filters" role="search">
        {query.get("tenantId") ? (
          <span className="chip">
            Shop: {shop.data?.name ?? "…"}
            <button type="button" aria-label="All shops" onClick={() => set({ tenantId: undefined })}>
              ×
            </button>
          </span>
        ) : (
          <form onSubmit={(e) => void pickShop(e)} className="inline-form">
            <label>
              Shop
              <input placeholder="slug or name" value={slug} onChange={(e) => setSlug(e.target.value)} />
            </label>
            <button>Filter</button>
          </form>
        )}
        {query.get("actorId") && (
          <span className="chip">
            Only one {query.get("actorKind") === "device" ? "till" : "person"}
            <button type="button" aria-label="Everyone" onClick={() => set({ actorId: undefined })}>
              ×
            </button>
          </span>
        )}
        <label>
          Where
          <select
            value={query.get("scope") ?? "all"}
            onChange={(e) => set({ scope: e.target.value === "all" ? undefined : e.target.value })}
          >
            <option value="all">Shops and platform</option>
            <option value="shops">Shops only</option>
            <option value="platform">Platform only</option>
          </select>
        </label>
        <label>
          Who
          <select value={query.get("actorKind") ?? ""} onChange={(e) => set({ actorKind: e.target.value || undefined })}>
            <option value="">Anyone</option>
            <option value="owner">Platform owner</option>
            <option value="manager">Manager</option>
            <option value="device">Till</option>
            <option value="shopper">Shopper</option>
            <option value="anonymous">Server / anonymous</option>
          </select>
        </label>
        <label>
          What
          <select value={query.get("action") ?? ""} onChange={(e) => set({ action: e.target.value || undefined })}>
            <option value="">Any action</option>
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {a}* (all)
              </option>
            ))}
            {actions.data?.actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a) === a ? a : `${actionLabel(a)} · ${a}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={query.get("outcome") ?? ""} onChange={(e) => set({ outcome: e.target.value || undefined })}>
            <option value="">Any</option>
            <option value="ok">Done</option>
            <option value="refused">Refused</option>
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            value={day("from")}
            onChange={(e) => set({ from: e.target.value ? new Date(`${e.target.value}T00:00:00`).toISOString() : undefined })}
          />
        </label>
        <label>
          Until
          <input
            type="date"
            value={day("to")}
            onChange={(e) => set({ to: e.target.value ? new Date(`${e.target.value}T23:59:59`).toISOString() : undefined })}
          />
        </label>
      </div>
      <Alert message={slugError ?? page.error} />
      <section className="panel flush" aria-busy={page.loading}>
        {page.data ? <AuditTable events={[...page.data.events, ...more]} /> : <p className="empty muted">Loading events…</p>}
      </section>
      <Alert message={moreError} />
      {next && (
        <button type="button" onClick={() => void loadMore()}>
          Older events
        </button>
      )}
    </>
  );
}

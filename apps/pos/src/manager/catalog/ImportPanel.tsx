import { Alert, shopFormat, useOnline } from "@countertop/ui";
import { useState } from "react";
import type { ManagerContext } from "../manager-context";

/** The server's answer to an import (see the README's "Catalog CSV"). */
interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly newCategories: readonly string[];
  readonly changes: readonly { line: number; sku: string; action: string; fields?: readonly string[] }[];
  readonly refused: readonly { line: number; sku: string; reason: string }[];
}

async function call(token: string, url: string, body?: Blob): Promise<Response> {
  const response = await fetch(url, {
    method: body ? "POST" : "GET",
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "text/csv" } : {}) },
    ...(body ? { body } : {}),
  }).catch(() => undefined);
  if (!response) throw new Error("Can't reach the server. Check the network and try again.");
  if (!response.ok) {
    const error = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new Error(error?.error?.message ?? `The server answered ${response.status}.`);
  }
  return response;
}

/**
 * Catalog import and export as CSV, done by the server (online, with a password sign-in): check a
 * file first (a dry run lists what would change and every row refused, with why), then import it.
 */
export function ImportPanel({ context }: { context: ManagerContext }) {
  const online = useOnline();
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<"update" | "add">("update");
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const format = shopFormat(context.settings);
  const session = context.presence.kind === "session" ? context.presence.session : undefined;

  const run = async (dryRun: boolean) => {
    if (!session || !file) return;
    setBusy(dryRun ? "Checking…" : "Importing…");
    setError(undefined);
    try {
      const response = await call(session.token, `/api/v1/catalog/import?mode=${mode}&dryRun=${dryRun ? 1 : 0}`, file);
      setReport((await response.json()) as ImportReport);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };
  const exportCsv = async () => {
    if (!session) return;
    setError(undefined);
    try {
      const blob = await (await call(session.token, "/api/v1/catalog/export")).blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `catalog-${format.day(new Date())}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!session || !online)
    return (
      <p className="muted">
        Import and export run on the server: they need a network and a password sign-in (
        {online ? "you are in with your PIN" : "this till is offline"}).
      </p>
    );
  return (
    <section aria-label="Import and export" className="grid-gap">
      <div className="row wrap">
        <button type="button" onClick={() => void exportCsv()}>
          Download the catalog (CSV)
        </button>
        <span className="muted small">
          One row per variant: product, variant, sku, barcode, price, cost, track_stock, category, tax_rate, status, description.
        </span>
      </div>
      <fieldset className="form wide-form">
        <legend>Import a CSV</legend>
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => (setFile(e.target.files?.[0]), setReport(undefined))} />
        </label>
        <div role="radiogroup" aria-label="How rows land" className="row wrap">
          <label className="check">
            <input type="radio" name="mode" checked={mode === "update"} onChange={() => (setMode("update"), setReport(undefined))} />
            Update products by SKU, add the rest
          </label>
          <label className="check">
            <input type="radio" name="mode" checked={mode === "add"} onChange={() => (setMode("add"), setReport(undefined))} />
            Add new SKUs only
          </label>
        </div>
        <div className="row">
          <button type="button" disabled={!file || Boolean(busy)} onClick={() => void run(true)}>
            Check the file
          </button>
          <button type="button" className="primary" disabled={!file || Boolean(busy) || !report?.dryRun} onClick={() => void run(false)}>
            Import
          </button>
          {busy && <span role="status">{busy}</span>}
        </div>
      </fieldset>
      <Alert message={error} />
      {report && <ImportResult report={report} number={format.number} />}
    </section>
  );
}

function ImportResult({ report, number }: { report: ImportReport; number: (n: number) => string }) {
  return (
    <section aria-label={report.dryRun ? "What the import would do" : "What the import did"} className="grid-gap">
      <p role="status" data-testid="import-summary">
        {report.dryRun ? "Checked" : "Imported"} {number(report.rows)} rows: {number(report.added)} {report.dryRun ? "to add" : "added"},{" "}
        {number(report.updated)} {report.dryRun ? "to update" : "updated"}, {number(report.unchanged)} unchanged
        {report.skipped ? `, ${number(report.skipped)} skipped (SKU exists)` : ""}, {number(report.refused.length)} refused.
        {report.newCategories.length > 0 && ` New categories: ${report.newCategories.join(", ")}.`}
      </p>
      {report.refused.length > 0 && (
        <table className="data-table" aria-label="Refused rows">
          <thead>
            <tr>
              <th>Line</th>
              <th>SKU</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {report.refused.map((r) => (
              <tr key={`${r.line}-${r.sku}`}>
                <td className="num">{r.line || "—"}</td>
                <td>{r.sku}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.changes.length > 0 && (
        <details>
          <summary>
            Rows that {report.dryRun ? "would change" : "changed"} (first {report.changes.length})
          </summary>
          <ul className="list compact">
            {report.changes.map((c) => (
              <li key={c.line}>
                Line {c.line} · {c.sku} · {c.action === "add" ? "new" : `changes ${c.fields?.join(", ")}`}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

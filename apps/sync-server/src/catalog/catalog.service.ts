import { collectionSchemas } from "@countertop/sync-protocol";
import Papa from "papaparse";
import { uuidv7 } from "uuidv7";
import { AuditAction, recordAudit, type AuditActor } from "../audit/audit";
import { withTenant, type TenantTx } from "../db/tenant-scope";
import { holdSeqCounter, writeDocumentSets } from "../documents/document.repository";
import { readSettings } from "../documents/settings.repository";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { allCategories, allProducts } from "./catalog.repository";
import { CATALOG_COLUMNS, exportRows, planImport, type CatalogNow, type CatalogRow, type ImportMode, type RowChange } from "./catalog-csv";

/** The most rows one import takes. */
export const MAX_IMPORT_ROWS = 50_000;

/** How many row changes an answer lists (the counts cover them all; every refused row is listed). */
const LISTED_CHANGES = 500;

/** What an import did, or would do on a dry run. */
export interface ImportReport {
  readonly dryRun: boolean;
  readonly mode: ImportMode;
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly products: number;
  readonly newCategories: readonly string[];
  readonly changes: readonly RowChange[];
  readonly refused: readonly { line: number; sku: string; reason: string }[];
}

async function catalogNow(trx: TenantTx): Promise<CatalogNow> {
  const settings = await readSettings(trx);
  return {
    products: await allProducts(trx),
    categories: await allCategories(trx),
    taxRates: settings.taxRates,
    defaultTaxRateId: settings.defaultTaxRateId,
    currency: settings.currency,
  };
}

/** Parses the CSV text into rows by column name; 400 for a file that is not the catalog's CSV. */
export function parseCatalogCsv(text: string): CatalogRow[] {
  const parsed = Papa.parse<CatalogRow>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = ["product", "sku", "price"].filter((c) => !fields.includes(c));
  if (missing.length > 0)
    throw new ApiError(ErrorCode.bad_request, `The file has no ${missing.join(", ")} column: the first row names the columns.`);
  const unknown = fields.filter((f) => !(CATALOG_COLUMNS as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw new ApiError(ErrorCode.bad_request, `Unknown column ${unknown.join(", ")}: the columns are ${CATALOG_COLUMNS.join(", ")}.`);
  if (parsed.data.length > MAX_IMPORT_ROWS)
    throw new ApiError(ErrorCode.payload_too_large, `An import takes at most ${MAX_IMPORT_ROWS} rows.`);
  return parsed.data;
}

/**
 * Imports the catalog CSV in one transaction: plans every row against the shop's catalog, and
 * unless `dryRun`, writes the new and changed products and categories (with price history) and
 * wakes every till. Refused rows are reported and change nothing; the others land.
 */
export async function importCatalog(
  deps: Pick<AppDeps, "db" | "changes">,
  tenantId: string,
  text: string,
  options: { readonly mode: ImportMode; readonly dryRun: boolean; readonly actor: AuditActor; readonly now: Date },
): Promise<ImportReport> {
  const rows = parseCatalogCsv(text);
  return withTenant(deps.db, tenantId, async (trx) => {
    const storeCounter = options.dryRun ? undefined : await holdSeqCounter(trx, tenantId);
    const plan = planImport(rows, await catalogNow(trx), { mode: options.mode, at: options.now.toISOString(), newId: uuidv7 });
    const refused = [...plan.refused];
    const valid = plan.products.filter((p) => {
      const check = collectionSchemas.products.safeParse(p);
      if (!check.success)
        refused.push({
          line: 0,
          sku: p.variants[0]?.sku ?? "",
          reason: `product ${p.name}: ${check.error.issues[0]?.message ?? "invalid"}`,
        });
      return check.success;
    });
    const count = (action: RowChange["action"]) => plan.changes.filter((c) => c.action === action).length;
    if (!options.dryRun && (valid.length > 0 || plan.newCategories.length > 0)) {
      await writeDocumentSets(trx, tenantId, [
        { table: "categories", docs: plan.newCategories },
        { table: "products", docs: valid },
      ]);
      await storeCounter?.();
      await recordAudit(
        trx,
        tenantId,
        [
          {
            action: AuditAction.catalogImported,
            actor: options.actor,
            outcome: "ok",
            details: { mode: options.mode, rows: rows.length, added: count("add"), updated: count("update"), refused: refused.length },
          },
        ],
        options.now,
      );
      await deps.changes.announce(trx, tenantId, ["products", "categories"]);
    }
    return {
      dryRun: options.dryRun,
      mode: options.mode,
      rows: rows.length,
      added: count("add"),
      updated: count("update"),
      unchanged: count("unchanged"),
      skipped: count("skip"),
      products: valid.length,
      newCategories: plan.newCategories.map((c) => c.name),
      changes: plan.changes.filter((c) => c.action === "add" || c.action === "update").slice(0, LISTED_CHANGES),
      refused: refused.sort((a, b) => a.line - b.line),
    };
  });
}

/** The shop's catalog as CSV text, in the import's format. */
export async function exportCatalog(deps: Pick<AppDeps, "db">, tenantId: string): Promise<string> {
  const now = await withTenant(deps.db, tenantId, catalogNow);
  return Papa.unparse(exportRows(now), { columns: [...CATALOG_COLUMNS] });
}

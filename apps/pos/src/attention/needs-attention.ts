import type { NeedsAttentionRow } from "@countertop/replica";
import type { Sale } from "@countertop/sync-protocol";
import type { AttentionEntry, LocalDatabase } from "../data/local-db";
import type { Replica } from "../data/replica";

/**
 * Keeps what a push set aside — refused and schema-rejected local documents, with the server's
 * code and message — in the till's local database, before the replica takes the server's version.
 */
export async function keepNeedsAttention(local: LocalDatabase, rows: readonly NeedsAttentionRow[], now = new Date()): Promise<void> {
  const at = now.toISOString();
  await local.needsAttention.bulkAdd(
    rows.map((r): AttentionEntry => ({
      collection: r.collection,
      docId: r.row.newDocumentState.id,
      reason: r.reason,
      code: r.code,
      message: r.message,
      row: r.row,
      at,
    })),
  );
}

/** Every kept row, newest first. */
export async function listNeedsAttention(local: LocalDatabase): Promise<AttentionEntry[]> {
  return (await local.needsAttention.orderBy("at").toArray()).reverse();
}

/** What became of a re-sent sale. */
export type ResendResult =
  { readonly ok: true; readonly sent: boolean } | { readonly ok: false; readonly message: string; readonly field?: string | undefined };

/**
 * A person fixed a sale the server could not take: the text is checked with the protocol's sale
 * schema, written back to the replica (so it syncs like any sale) and sent at once. Its entries
 * go once the server has it; a sale is never discarded.
 */
export async function resendSale(local: LocalDatabase, replica: Replica, entry: AttentionEntry, text: string): Promise<ResendResult> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { ok: false, message: "That is not valid JSON." };
  }
  const { saleSchema } = await import("@countertop/sync-protocol");
  const parsed = saleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".");
    return { ok: false, message: `${field ? `${field}: ` : ""}${issue?.message ?? "not a sale"}`, field };
  }
  const sale: Sale = parsed.data;
  if (sale.id !== entry.docId) return { ok: false, message: "The sale's id can't change.", field: "id" };
  await replica.db.sales.upsert(sale);
  const outcome = await replica.sync.resend("sales", [sale]).catch(() => undefined);
  if (!outcome) return { ok: true, sent: false }; // offline: the replica sends it with the next sync
  if (outcome.refused.length + outcome.invalid.length > 0) return { ok: true, sent: false };
  await local.needsAttention.where({ collection: "sales", docId: sale.id }).delete();
  return { ok: true, sent: true };
}

/** Drops the kept copy of a document that is not a sale, once a person has looked at it. Sales are never dismissed. */
export async function dismissNeedsAttention(local: LocalDatabase, entry: AttentionEntry): Promise<void> {
  if (entry.collection === "sales" || entry.seq === undefined) return;
  await local.needsAttention.delete(entry.seq);
}

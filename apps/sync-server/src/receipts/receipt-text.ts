import { formatMoney, minor } from "@countertop/domain";
import type { StoredDoc } from "../db/schema";

interface Line {
  readonly qty: number;
  readonly name: string;
  readonly total: number;
}

/** A receipt as plain text for email: the shop, the lines, the total, the payments. */
export function receiptText(sale: StoredDoc, settings: StoredDoc | undefined): { subject: string; text: string } {
  const currency = String(sale.currency);
  const locale = typeof settings?.locale === "string" ? settings.locale : "en";
  const money = (n: unknown) => formatMoney(minor(Number(n)), currency, locale);
  const shop = typeof settings?.shopName === "string" ? settings.shopName : "Your shop";
  const kind = sale.kind === "refund" ? "Refund" : "Receipt";
  const lines = (sale.lines as Line[]).map((l) => `${l.qty} × ${l.name}`.padEnd(36) + money(l.total));
  const payments = (sale.payments as { method: string; amount: number }[]).map((p) => `${p.method}`.padEnd(36) + money(p.amount));
  const text = [
    shop,
    typeof settings?.receiptHeader === "string" ? settings.receiptHeader : "",
    `${kind} ${String(sale.number)} · ${new Date(String(sale.createdAt)).toLocaleString(locale)}`,
    "",
    ...lines,
    "",
    "Total".padEnd(36) + money(sale.total),
    "Tax included".padEnd(36) + money(sale.taxTotal),
    ...payments,
    "",
    typeof settings?.receiptFooter === "string" ? settings.receiptFooter : "",
  ].join("\n");
  return { subject: `${kind} ${String(sale.number)} from ${shop}`, text };
}

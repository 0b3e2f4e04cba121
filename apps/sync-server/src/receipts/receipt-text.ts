import { moneyFormatter } from "@countertop/domain";
import type { Sale, Settings } from "@countertop/sync-protocol";

/** A receipt as plain text for email: the shop, the lines, the total, the payments. */
export function receiptText(sale: Sale, settings: Settings | undefined): { subject: string; text: string } {
  const locale = settings?.locale ?? "en";
  const money = moneyFormatter(sale.currency, locale);
  const shop = settings?.shopName ?? "Your shop";
  const kind = sale.kind === "refund" ? "Refund" : "Receipt";
  const lines = sale.lines.map((l) => `${l.qty} × ${l.name}`.padEnd(36) + money(l.total));
  const payments = sale.payments.map((p) => `${p.method}`.padEnd(36) + money(p.amount));
  const text = [
    shop,
    settings?.receiptHeader ?? "",
    `${kind} ${sale.number} · ${new Date(sale.createdAt).toLocaleString(locale)}`,
    "",
    ...lines,
    "",
    "Total".padEnd(36) + money(sale.total),
    "Tax included".padEnd(36) + money(sale.taxTotal),
    ...payments,
    "",
    settings?.receiptFooter ?? "",
  ].join("\n");
  return { subject: `${kind} ${sale.number} from ${shop}`, text };
}

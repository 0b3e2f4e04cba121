import { minor, zReport } from "@countertop/domain";
import type { Sale, Settings, Shift } from "@countertop/sync-protocol";
import { moneyFormatter, percentText, shopFormat } from "@countertop/ui";
import { zReportDocument } from "../data/domain-sale";

const METHOD: Record<string, string> = { cash: "Cash", card: "Card", other: "Other" };

/** The printable end-of-shift report: every figure a sum of the shift's recorded sales and refunds. */
export function ZReportView({
  shift,
  sales,
  settings,
  onDone,
}: {
  shift: Shift;
  sales: readonly Sale[];
  settings: Settings;
  onDone: () => void;
}) {
  const report = zReport({
    openingFloat: minor(shift.openingFloat),
    documents: sales.map(zReportDocument),
    cashMovements: shift.cashMovements.map((m) => ({ kind: m.kind, amount: minor(m.amount) })),
    ...(shift.countedCash !== undefined ? { countedCash: minor(shift.countedCash) } : {}),
  });
  const money = moneyFormatter(settings.currency, settings.locale);
  const row = (label: string, value: number, testId?: string) => (
    <tr>
      <td>{label}</td>
      <td className="num" data-testid={testId}>
        {money(value)}
      </td>
    </tr>
  );
  return (
    <section className="receipt-screen" aria-labelledby="z-title">
      <div className="receipt z-report">
        <header>
          <strong>{settings.shopName}</strong>
          <div id="z-title">Z-report</div>
          <div>
            {shopFormat(settings).dateTime(shift.openedAt)} – {shift.closedAt ? shopFormat(settings).dateTime(shift.closedAt) : "open"}
          </div>
        </header>
        <table>
          <tbody>
            <tr>
              <td>Sales</td>
              <td className="num" data-testid="z-sale-count">
                {report.saleCount}
              </td>
            </tr>
            {row("Gross sales", report.grossSales, "z-gross")}
            <tr>
              <td>Refunds ({report.refundCount})</td>
              <td className="num" data-testid="z-refunds">
                {money(report.refundsTotal)}
              </td>
            </tr>
            {row("Net sales", report.netSales, "z-net")}
            {row("Discounts", report.discountTotal, "z-discounts")}
            {row("Tax", report.taxTotal, "z-tax")}
            {row("Net excl. tax", report.netExTax)}
          </tbody>
        </table>
        <h3>By payment method</h3>
        <table>
          <tbody>
            {report.byPaymentMethod.map((m) => (
              <tr key={m.method}>
                <td>{METHOD[m.method]}</td>
                <td className="num" data-testid={`z-method-${m.method}`}>
                  {money(m.net)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>By tax rate</h3>
        <table>
          <tbody>
            {report.byTaxRate.map((t) => (
              <tr key={t.rate}>
                <td>{percentText(t.rate, settings.locale)}</td>
                <td className="num">{money(t.tax)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Drawer</h3>
        <table>
          <tbody>
            {row("Opening float", report.cash.openingFloat)}
            {row("Cash sales", report.cash.cashSales)}
            {row("Cash refunds", -report.cash.cashRefunds)}
            {row("Pay-ins", report.cash.payIns)}
            {row("Pay-outs", -report.cash.payOuts)}
            {row("Expected", report.cash.expected, "z-expected")}
            {report.countedCash !== undefined && row("Counted", report.countedCash, "z-counted")}
            {report.variance !== undefined && row("Variance", report.variance, "z-variance")}
          </tbody>
        </table>
      </div>
      <div className="row no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="primary big" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}

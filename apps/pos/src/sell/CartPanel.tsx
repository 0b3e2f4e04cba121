import type { Discount, PricedCart } from "@countertop/domain";
import type { Customer, Settings } from "@countertop/sync-protocol";
import { Dialog, moneyFormatter, percentText, shopFormat, useDocument } from "@countertop/ui";
import { memo, useState, type Dispatch } from "react";
import { uuidv7 } from "uuidv7";
import type { PosDatabase } from "../data/replica";
import { ManagerApproval } from "../lock/ManagerApproval";
import { needsApproval, type Cart, type CartAction } from "./cart";
import { CustomerDialog } from "./CustomerDialog";
import { DiscountDialog } from "./DiscountDialog";
import { parkCart, saveParked, useParked, type ParkedCart } from "./parked";

interface Props {
  readonly db: PosDatabase;
  readonly deviceId: string;
  readonly settings: Settings;
  readonly cart: Cart;
  readonly priced: PricedCart;
  readonly dispatch: Dispatch<CartAction>;
  readonly onPay: () => void;
}

type Editing = { readonly kind: "line"; readonly id: string } | { readonly kind: "cart" };
type Pending = {
  readonly action: Extract<CartAction, { type: "lineDiscount" | "cartDiscount" }>;
  readonly reason: string;
};

/**
 * The cart: lines with quantities and discounts, the customer, parked carts, totals and Pay.
 * Memoized: a keystroke in the search box doesn't render it again.
 */
export const CartPanel = memo(function CartPanel({ db, deviceId, settings, cart, priced, dispatch, onPay }: Props) {
  const [editing, setEditing] = useState<Editing>();
  const [approval, setApproval] = useState<Pending>();
  const [choosingCustomer, setChoosingCustomer] = useState(false);
  const parked = useParked(deviceId);
  const [clearing, setClearing] = useState(false);
  const [showParked, setShowParked] = useState(false);
  const customer = useDocument<Customer>(
    () => (cart.customerId ? db.customers.findOne(cart.customerId).$ : undefined),
    [db, cart.customerId],
  );
  const money = moneyFormatter(settings.currency, settings.locale);

  const gross = (id: string) => {
    const line = cart.lines.find((l) => l.id === id);
    return line ? line.qty * line.unitPrice : 0;
  };
  const discountOn = (target: Editing, discount: Discount | undefined) => {
    const action: Pending["action"] =
      target.kind === "line" ? { type: "lineDiscount", id: target.id, discount } : { type: "cartDiscount", discount };
    const base = target.kind === "line" ? gross(target.id) : priced.subtotal;
    setEditing(undefined);
    if (discount && needsApproval(discount, base, settings.discountApprovalThresholdBp)) {
      const on = target.kind === "line" ? `on ${cart.lines.find((l) => l.id === target.id)?.name ?? "this line"}` : "on the whole cart";
      setApproval({
        action,
        reason: `A discount ${on} above ${percentText(settings.discountApprovalThresholdBp, settings.locale)} needs a manager.`,
      });
    } else dispatch(action);
  };
  const items = cart.lines.reduce((n, l) => n + l.qty, 0);
  const summary = `${items} ${items === 1 ? "item" : "items"} · ${money(priced.total)}`;
  const park = () => {
    parkCart(deviceId, {
      id: uuidv7(),
      parkedAt: new Date().toISOString(),
      label: customer ? `${customer.name}: ${summary}` : summary,
      cart,
    });
    dispatch({ type: "clear" });
  };
  const resume = (entry: ParkedCart) => {
    saveParked(
      deviceId,
      parked.filter((p) => p.id !== entry.id),
    );
    setShowParked(false);
    dispatch({ type: "resume", cart: entry.cart });
  };

  return (
    <>
      <div className="cart-head">
        <h2>Cart</h2>
        <div className="row">
          <button type="button" onClick={() => setChoosingCustomer(true)}>
            {customer ? customer.name : "Customer"}
          </button>
          {parked.length > 0 && (
            <button type="button" onClick={() => setShowParked(true)}>
              Parked ({parked.length})
            </button>
          )}
        </div>
      </div>
      <div className="lines-scroll">
        {cart.lines.length === 0 ? (
          <p className="muted">Tap a product or scan a barcode.</p>
        ) : (
          <ul className="lines" aria-label="Cart lines">
            {priced.lines.map((line) => (
              <li key={line.id}>
                <span className="line-name">
                  {line.name}
                  {line.discount > 0 && <span className="muted small"> −{money(line.discount)}</span>}
                </span>
                <span className="qty">
                  <button
                    type="button"
                    aria-label={`One less ${line.name}`}
                    onClick={() => dispatch({ type: "qty", id: line.id, qty: line.qty - 1 })}
                  >
                    −
                  </button>
                  <span aria-label="Quantity">{line.qty}</span>
                  <button
                    type="button"
                    aria-label={`One more ${line.name}`}
                    onClick={() => dispatch({ type: "qty", id: line.id, qty: line.qty + 1 })}
                  >
                    +
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Discount ${line.name}`}
                    onClick={() => setEditing({ kind: "line", id: line.id })}
                  >
                    %
                  </button>
                </span>
                <span className="num">{money(line.total)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="cart-foot">
        <dl className="totals">
          {priced.appliedPromotions.map((p) => (
            <div key={p.promotionId} className="totals-row">
              <dt>{p.name}</dt>
              <dd>−{money(p.amount)}</dd>
            </div>
          ))}
          {priced.discountTotal > 0 && (
            <div className="totals-row">
              <dt>Discounts</dt>
              <dd>−{money(priced.discountTotal)}</dd>
            </div>
          )}
          <div className="totals-row">
            <dt>Tax</dt>
            <dd>{money(priced.taxTotal)}</dd>
          </div>
          <div className="totals-row grand">
            <dt>Total</dt>
            <dd data-testid="cart-total">{money(priced.total)}</dd>
          </div>
        </dl>
        <div className="row">
          <button type="button" disabled={cart.lines.length === 0} onClick={() => setEditing({ kind: "cart" })}>
            Discount
          </button>
          <button type="button" disabled={cart.lines.length === 0} onClick={park}>
            Park
          </button>
          <button type="button" disabled={cart.lines.length === 0} onClick={() => setClearing(true)}>
            Clear
          </button>
        </div>
        <button type="button" className="primary big pay-button" disabled={cart.lines.length === 0} onClick={onPay}>
          Pay {money(priced.total)}
        </button>
      </div>

      {clearing && (
        <Dialog
          title="Clear this sale?"
          onCancel={() => setClearing(false)}
          actions={
            <button
              type="button"
              className="primary big danger"
              onClick={() => {
                dispatch({ type: "clear" });
                setClearing(false);
              }}
            >
              Clear the sale
            </button>
          }
        >
          <p>{summary} will be taken off the till. Park it instead to come back to it.</p>
        </Dialog>
      )}

      {editing && (
        <DiscountDialog
          title={
            editing.kind === "line"
              ? `Discount on ${cart.lines.find((l) => l.id === editing.id)?.name ?? "line"}`
              : "Discount on the whole cart"
          }
          amount={editing.kind === "line" ? gross(editing.id) : priced.subtotal}
          current={editing.kind === "line" ? cart.lines.find((l) => l.id === editing.id)?.manualDiscount : cart.cartDiscount}
          currency={settings.currency}
          locale={settings.locale}
          onApply={(d) => discountOn(editing, d)}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {approval && (
        <ManagerApproval
          db={db}
          reason={approval.reason}
          onApproved={(manager) => {
            const { action } = approval;
            const lineId = action.type === "lineDiscount" ? { lineId: action.id } : {};
            dispatch({ ...action, approval: { staffId: manager.id, action: "discount", ...lineId, at: new Date().toISOString() } });
            setApproval(undefined);
          }}
          onCancel={() => setApproval(undefined)}
        />
      )}
      {choosingCustomer && (
        <CustomerDialog
          db={db}
          onChoose={(c) => {
            dispatch({ type: "customer", customerId: c.id });
            setChoosingCustomer(false);
          }}
          onCancel={() => setChoosingCustomer(false)}
        />
      )}
      {showParked && (
        <Dialog title="Parked carts" layout="wide">
          <ul className="list">
            {parked.map((p) => (
              <li key={p.id}>
                <button type="button" className="list-item" onClick={() => resume(p)} disabled={cart.lines.length > 0}>
                  <span>{shopFormat(settings).time(p.parkedAt)}</span>
                  <span>{p.label}</span>
                  <span className="muted">Resume</span>
                </button>
              </li>
            ))}
          </ul>
          {cart.lines.length > 0 && <p className="muted">Finish or park the current cart first.</p>}
          <button type="button" onClick={() => setShowParked(false)}>
            Close
          </button>
        </Dialog>
      )}
    </>
  );
});

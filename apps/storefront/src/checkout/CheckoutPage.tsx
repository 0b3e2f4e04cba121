import type { Address, Customer } from "@countertop/sync-protocol";
import { Alert, moneyFormatter, recheckOnline, useDocument } from "@countertop/ui";
import { useEffect, useState, type FormEvent } from "react";
import type { ShopAccount } from "../account/account";
import type { AccountDatabase } from "../account/account-db";
import { AddressFields } from "../account/AccountPage";
import { uuidv7 } from "uuidv7";
import { reduceToAvailable, setCart, useCart } from "../cart/cart";
import { priceShopCart } from "../cart/pricing";
import { Link, navigate } from "../shop/router";
import type { ShopData } from "../shop/shop-data";
import { saveOrder } from "./orders";

/** The checkout key lives as long as this attempt: a retry after a lost answer sends the same key. */
function attemptKey(slug: string): string {
  const k = `countertop.shop.${slug}.checkout-key`;
  const existing = sessionStorage.getItem(k);
  if (existing) return existing;
  const fresh = uuidv7();
  sessionStorage.setItem(k, fresh);
  return fresh;
}

/** Contact, shipping, payment, and "Place order" — which the server re-prices and reserves stock for. */
export function CheckoutPage(props: {
  slug: string;
  data: ShopData;
  token: string;
  account: ShopAccount | null;
  accountDb: AccountDatabase | undefined;
  online: boolean;
}) {
  const { slug, data, token, account, accountDb, online } = props;
  const profile = useDocument<Customer>(
    () => (account ? accountDb?.customers.findOne(account.customerId).$ : undefined),
    [accountDb, account?.customerId],
  );
  const saved = profile?.addresses ?? [];
  const items = useCart(slug);
  const settings = data.settings!;
  const { rows, priced } = priceShopCart(items, data);
  const [email, setEmail] = useState(account?.email ?? "");
  const [coupon, setCoupon] = useState("");
  const [optionId, setOptionId] = useState(settings.shippingOptions[0]?.id ?? "");
  const [address, setAddress] = useState<Address>({ name: account?.name ?? "", line1: "", city: "", postalCode: "", country: "DE" });
  const [provider, setProvider] = useState<"pay_later" | "test_card">("test_card");
  const [cardNumber, setCardNumber] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  /** What the server said is short at checkout: how many of each item are left. */
  const [short, setShort] = useState<readonly { variantId: string; available: number }[]>();
  const [shortMessage, setShortMessage] = useState<string>();
  // Offline, the page says so above the form and the button is off: an error from before says no more.
  useEffect(() => {
    if (!online) setError(undefined);
  }, [online]);
  const money = moneyFormatter(settings.currency, settings.locale);
  const option = settings.shippingOptions.find((o) => o.id === optionId);
  const subtotal = priced ? priced.subtotal - priced.discountTotal : 0;
  const shipping = option ? (option.freeOver !== undefined && subtotal >= option.freeOver ? 0 : option.amount) : 0;

  if (rows.length === 0) {
    return (
      <main className="page">
        <h1>Checkout</h1>
        <p className="muted">Your cart is empty.</p>
      </main>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setShort(undefined);
    try {
      const res = await fetch(`/api/v1/shop/${slug}/checkout`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": attemptKey(slug) },
        body: JSON.stringify({
          lines: rows.map((r) => ({ variantId: r.item.variantId, qty: r.item.qty })),
          email,
          shippingOptionId: optionId,
          ...(option?.kind === "pickup" ? {} : { address }),
          ...(coupon.trim() ? { couponCode: coupon.trim() } : {}),
          payment: provider === "test_card" ? { provider, card: { number: cardNumber.replace(/\s+/g, "") } } : { provider },
        }),
      });
      const body = (await res.json().catch(() => undefined)) as
        | {
            order?: { id: string };
            link?: string;
            error?: { message: string; details?: { reason?: string; items?: { variantId: string; available: number }[] } };
          }
        | undefined;
      if (!res.ok || !body?.order) {
        // A decline or a sold-out item is this attempt's answer; the next attempt gets a new key.
        sessionStorage.removeItem(`countertop.shop.${slug}.checkout-key`);
        const details = body?.error?.details;
        if (details?.reason === "sold_out" && details.items) {
          setShort(details.items);
          setShortMessage(body?.error?.message);
          setError(undefined);
        } else setError(body?.error?.message ?? "The order could not be placed. Try again.");
        return;
      }
      const key = body.link ? (new URL(body.link, location.href).searchParams.get("key") ?? undefined) : undefined;
      saveOrder(slug, body.order as never, key);
      sessionStorage.removeItem(`countertop.shop.${slug}.checkout-key`);
      setCart(slug, []);
      navigate(`/order/${body.order.id}${key ? `?key=${encodeURIComponent(key)}` : ""}`);
    } catch {
      // No answer: if the browser still says online, find out (the page then says offline).
      recheckOnline();
      setError("You seem to be offline. Your cart is saved; place the order when you are back online.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <h1>Checkout</h1>
      <form className="checkout" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Contact</legend>
          <label>
            Email
            <input type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          {!account && (
            <p className="muted">
              Checking out as a guest. <Link to="/account">Sign in or create an account</Link> to follow your order.
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>Delivery</legend>
          {settings.shippingOptions.map((o) => (
            <label key={o.id} className="check">
              <input type="radio" name="shipping" checked={o.id === optionId} onChange={() => setOptionId(o.id)} /> {o.name} —{" "}
              {o.freeOver !== undefined && subtotal >= o.freeOver ? "free" : o.amount === 0 ? "free" : money(o.amount)}
            </label>
          ))}
          {option && option.kind !== "pickup" && (
            <>
              {saved.length > 0 && (
                <label>
                  Saved address
                  <select onChange={(e) => e.target.value !== "" && setAddress(saved[Number(e.target.value)]!)} defaultValue="">
                    <option value="">Choose a saved address…</option>
                    {saved.map((a, i) => (
                      <option key={`${a.line1}-${i}`} value={i}>
                        {a.name}, {a.line1}, {a.city}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <AddressFields value={address} onChange={setAddress} />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>Payment</legend>
          <label className="check">
            <input type="radio" name="payment" checked={provider === "test_card"} onChange={() => setProvider("test_card")} /> Card
          </label>
          <label className="check">
            <input type="radio" name="payment" checked={provider === "pay_later"} onChange={() => setProvider("pay_later")} /> Pay at pickup
            or on delivery
          </label>
          {provider === "test_card" && (
            <label>
              Card number
              <input
                inputMode="numeric"
                autoComplete="cc-number"
                required
                value={cardNumber}
                onChange={(e) => (setCardNumber(e.target.value), setError(undefined))}
                placeholder="4242 4242 4242 4242"
              />
            </label>
          )}
        </fieldset>
        <label>
          Coupon code <span className="muted">(optional; the discount shows on your order)</span>
          <input autoComplete="off" maxLength={50} value={coupon} onChange={(e) => (setCoupon(e.target.value), setError(undefined))} />
        </label>
        <dl className="sum">
          <dt>Items</dt>
          <dd>{money(priced?.total ?? 0)}</dd>
          <dt>Delivery</dt>
          <dd>{money(shipping)}</dd>
          <dt className="grand">Total</dt>
          <dd className="grand" data-testid="checkout-total">
            {money((priced?.total ?? 0) + shipping)}
          </dd>
        </dl>
        <Alert message={error} />
        {short && (
          <div className="warn" role="alert">
            <p>{shortMessage ?? "Some items sold out while you were shopping."}</p>
            <ul>
              {short.map((s) => {
                const row = rows.find((r) => r.item.variantId === s.variantId);
                return (
                  <li key={s.variantId}>
                    {row?.title ?? "An item"}: you asked for {row?.item.qty ?? "more"},{" "}
                    {s.available === 0 ? "none are" : `${s.available} ${s.available === 1 ? "is" : "are"}`} left.
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              onClick={() => {
                const left = new Map(short.map((s) => [s.variantId, s.available]));
                reduceToAvailable(slug, (v) => left.get(v) ?? Number.POSITIVE_INFINITY);
                setShort(undefined);
              }}
            >
              Reduce my cart to what is left
            </button>
          </div>
        )}
        {!online && <p className="warn">Checkout needs a connection. Your cart is saved on this device.</p>}
        <button className="primary big" disabled={busy || !online}>
          {busy ? "Placing order…" : "Place order"}
        </button>
      </form>
    </main>
  );
}

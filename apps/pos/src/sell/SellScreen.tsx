import type { Product, Promotion, Sale, Settings, Shift, Staff } from "@countertop/sync-protocol";
import { Alert, Dialog, moneyFormatter, useDocuments } from "@countertop/ui";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { uuidv7 } from "uuidv7";
import { setCartBusy } from "../app/update";
import type { Till } from "../app/till";
import { holdBackground, inForeground, startupOver, watchActivity } from "../data/background";
import type { LocalDatabase } from "../data/local-db";
import type { PosDatabase } from "../data/replica";
import { ChangeDue, changeOf } from "../pay/ChangeDue";
import { completeSale } from "../pay/complete-sale";
import { flushReceiptEmails } from "../pay/email-outbox";
import { PaymentPanel } from "../pay/PaymentPanel";
import { Receipt } from "../pay/Receipt";
import { warmReceiptCounter } from "../pay/receipt-number";
import { warmReceiptSoon } from "../pay/warm-receipt";
import { EMPTY_CART, lineFor, priceOf } from "./cart";
import { CameraScanner } from "./CameraScanner";
import { CartPanel } from "./CartPanel";
import { useOpenCart } from "./open-cart";
import { parkCart } from "./parked";
import { ProductGrid } from "./ProductGrid";
import { TakeOverDialog } from "./TakeOverDialog";
import { useBarcodeWedge } from "./use-barcode-wedge";
import { useSellCatalog } from "./use-catalog";

interface Props {
  readonly db: PosDatabase;
  readonly local: LocalDatabase;
  readonly till: Till;
  readonly staff: Staff;
  readonly shift: Shift;
  readonly settings: Settings;
  /** This till's sales the server hasn't confirmed: their stock isn't in the server's levels yet. */
  readonly unsynced?: readonly Sale[] | undefined;
}

/** The browser's task scheduler, where there is one (Chromium): its user-blocking tasks run ahead of other work. */
declare const scheduler:
  { postTask?(task: () => void, options: { priority: "user-blocking"; signal: AbortSignal }): Promise<void> } | undefined;

/** Runs `task` in a task of its own, as soon as the page can; the function returned cancels it. */
function soon(task: () => void): () => void {
  if (typeof scheduler !== "undefined" && scheduler.postTask) {
    const controller = new AbortController();
    scheduler.postTask(task, { priority: "user-blocking", signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}

/**
 * The sell screen: categories, products with stock, search and scanning, the cart (kept on the
 * till through locks and reloads), payment, the change to give and the receipt. The cart, its total
 * and Pay stay in view while the products scroll.
 */
export function SellScreen({ db, local, till, staff, shift, settings, unsynced }: Props) {
  const catalog = useSellCatalog(db, till.locationId, unsynced);
  const promotions = useDocuments<Promotion>(() => db.promotions.find().$, [db]);
  const open = useOpenCart(local, till.deviceId, staff);
  const cart = open.cart ?? EMPTY_CART;
  const dispatch = open.dispatch;
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<string>();
  const [picking, setPicking] = useState<Product>();
  const [stage, setStage] = useState<"cart" | "pay">("cart");
  const [done, setDone] = useState<{ sale: Sale; stage: "change" | "receipt" }>();
  const [notice, setNotice] = useState<string>();
  const [camera, setCamera] = useState(false);

  useEffect(() => {
    setCartBusy(cart.lines.length > 0 || stage === "pay");
    return () => setCartBusy(false);
  }, [cart.lines.length, stage]);
  // While the cashier keys and taps, bulk background work waits for a pause between customers.
  useEffect(() => watchActivity(document), []);
  // With the payment panel open the sale's write is next: background reads stand aside for it.
  useEffect(() => (stage === "pay" ? holdBackground() : undefined), [stage]);
  // …and the receipt that follows it gets its fonts ready while the cashier picks the tender.
  useEffect(() => (stage === "pay" ? warmReceiptSoon(settings.locale) : undefined), [stage, settings.locale]);
  // A till's first sale need not look up its last receipt number while the customer waits.
  useEffect(() => void warmReceiptCounter(db, till), [db, till]);
  // The till is up once its catalog shows: the replication and the report store may start.
  const catalogShows = catalog.loaded || catalog.products.length > 0;
  useEffect(() => (catalogShows ? startupOver() : undefined), [catalogShows]);

  const money = useMemo(() => moneyFormatter(settings.currency, settings.locale), [settings.currency, settings.locale]);
  const taxRates = useMemo(() => new Map(settings.taxRates.map((r) => [r.id, r.rate])), [settings.taxRates]);
  const tints = useMemo(
    () => new Map(catalog.categories.flatMap((c) => (c.color ? [[c.id, c.color] as const] : []))),
    [catalog.categories],
  );
  // The grid answers each key in a task of its own right after it: the key itself only updates
  // the box (a scanner's burst of keys is never slowed by the grid, and the grid renders once for
  // keys that come faster than it), then one render shows the results — the search narrows the
  // last answer and the grid fills only the tiles in view. A transition instead showed them a frame
  // or more after the key, in slices.
  const [searched, setSearched] = useState("");
  useEffect(() => {
    if (searched === query) return;
    return soon(() => flushSync(() => setSearched(query)));
  }, [query, searched]);
  const shown = useMemo(() => catalog.filter(searched, category), [catalog, searched, category]);
  const priced = useMemo(() => priceOf(cart, settings.taxMode, promotions ?? [], new Date()), [cart, settings.taxMode, promotions]);
  const summary = (c = cart) => {
    const items = c.lines.reduce((n, l) => n + l.qty, 0);
    return `${items} ${items === 1 ? "item" : "items"} · ${money(priceOf(c, settings.taxMode, promotions ?? [], new Date()).total)}`;
  };

  const add = (product: Product, variantId?: string) => {
    if (!variantId && product.variants.length > 1) return setPicking(product);
    dispatch({ type: "add", id: uuidv7(), line: lineFor(product, variantId ?? product.variants[0]!.id, taxRates) });
    setPicking(undefined);
    setNotice(undefined);
  };
  const onCode = (code: string) => {
    const hit = catalog.byCode.get(code) ?? catalog.byCode.get(code.toLowerCase());
    if (hit) add(hit.product, hit.variantId);
    else if (!catalog.loaded) setNotice(`The catalog is still loading on this till: scan ${code} again in a moment.`);
    else setNotice(`No product has the barcode ${code}.`);
  };
  useBarcodeWedge(onCode, stage === "cart" && !done && !camera && !open.takeOver);
  // Stable, so a keystroke re-renders neither the grid's tiles nor the cart, only what changed.
  const adding = useRef(add);
  adding.current = add;
  const pick = useCallback((product: Product) => adding.current(product), []);
  const toPay = useCallback(() => setStage("pay"), []);

  const pay = async (settlement: Parameters<typeof completeSale>[0]["settlement"]) => {
    // The sale is written first: background work (the catalog, the report store) waits for it.
    performance.mark("till:sale-paid");
    const sale = await inForeground(() =>
      completeSale({ db, till, shift, staff, settings, cart, priced, settlement, customerId: cart.customerId }),
    );
    performance.mark("till:sale-written");
    setDone({ sale, stage: changeOf(sale) > 0 ? "change" : "receipt" });
    dispatch({ type: "clear" });
    setStage("cart");
  };

  if (done?.stage === "change")
    return <ChangeDue sale={done.sale} locale={settings.locale} onDone={() => setDone({ ...done, stage: "receipt" })} />;
  if (done)
    return (
      <Receipt
        sale={done.sale}
        settings={settings}
        tillName={till.name}
        onNewSale={() => setDone(undefined)}
        onEmailQueued={() => void flushReceiptEmails(till)}
      />
    );

  return (
    <div className="sell">
      {/* data-search: the search the grid shows now; the bench times keystrokes by it. */}
      <section className="catalog" aria-label="Catalog" data-search={searched}>
        <div className="catalog-tools">
          <div className="search-row">
            <input
              type="search"
              placeholder="Search name, SKU or barcode"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-label="Search products"
            />
            <button type="button" onClick={() => setCamera(true)}>
              Camera
            </button>
          </div>
          <div className="categories" role="group" aria-label="Categories">
            <button
              type="button"
              className={!category ? "chip active" : "chip"}
              aria-pressed={!category}
              onClick={() => setCategory(undefined)}
            >
              All
            </button>
            {catalog.categories.map((c) => (
              <button
                key={c.id}
                type="button"
                className={category === c.id ? "chip active" : "chip"}
                aria-pressed={category === c.id}
                onClick={() => setCategory(c.id)}
                style={c.color ? { borderColor: c.color } : undefined}
              >
                {c.name}
              </button>
            ))}
          </div>
          <Alert message={notice} />
        </div>
        {catalog.loaded && catalog.products.length === 0 ? (
          <p className="muted empty">No products yet. A manager adds them in manager mode.</p>
        ) : shown.length === 0 && !catalog.loaded ? (
          <p className="muted empty">Reading the catalog on this till…</p>
        ) : shown.length === 0 ? (
          <p className="muted empty">{searched.trim() ? `Nothing matches “${searched.trim()}”.` : "No products in this category yet."}</p>
        ) : (
          <ProductGrid products={shown} onHand={catalog.onHand} tints={tints} money={money} onPick={pick} />
        )}
      </section>

      <aside className="cart" aria-label="Cart">
        {open.cart === undefined ? (
          <p className="muted">Opening the cart…</p>
        ) : stage === "pay" ? (
          <PaymentPanel
            priced={priced}
            currency={settings.currency}
            locale={settings.locale}
            cashIncrement={settings.cashRounding}
            onPaid={pay}
            onCancel={() => setStage("cart")}
          />
        ) : (
          <CartPanel db={db} deviceId={till.deviceId} settings={settings} cart={cart} priced={priced} dispatch={dispatch} onPay={toPay} />
        )}
      </aside>

      {open.takeOver && (
        <TakeOverDialog
          entry={open.takeOver}
          summary={summary(open.takeOver.cart)}
          locale={settings.locale}
          onContinue={open.adopt}
          onPark={() => {
            const other = open.takeOver!;
            parkCart(till.deviceId, {
              id: uuidv7(),
              parkedAt: other.updatedAt,
              label: `${other.staffName}: ${summary(other.cart)}`,
              cart: other.cart,
            });
            dispatch({ type: "clear" });
          }}
        />
      )}
      {camera && (
        <CameraScanner
          onScan={(code) => {
            setCamera(false);
            onCode(code);
          }}
          onClose={() => setCamera(false)}
        />
      )}
      {picking && (
        <Dialog title={picking.name} layout="plain" onCancel={() => setPicking(undefined)}>
          <div className="variants">
            {picking.variants.map((v) => (
              <button key={v.id} type="button" className="tile variant" onClick={() => add(picking, v.id)}>
                <span className="tile-name">{v.title}</span>
                <span className="tile-price">{money(v.price)}</span>
                {v.trackStock && catalog.onHand && <span className="stock">{catalog.onHand.get(v.id) ?? 0} in stock</span>}
              </button>
            ))}
          </div>
        </Dialog>
      )}
    </div>
  );
}

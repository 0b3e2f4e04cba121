import { qty, stockStatus } from "@countertop/domain";
import type { Category, Product, Promotion, Sale, Settings, Shift, Staff, StockLevel } from "@countertop/sync-protocol";
import { Alert, Dialog, moneyFormatter, plain, useObservable } from "@countertop/ui";
import { useEffect, useMemo, useReducer, useState } from "react";
import { setCartBusy } from "../app/update";
import { uuidv7 } from "uuidv7";
import type { Till } from "../app/till";
import type { PosDatabase } from "../data/replica";
import { completeSale } from "../pay/complete-sale";
import { flushReceiptEmails } from "../pay/email-outbox";
import { PaymentPanel } from "../pay/PaymentPanel";
import { Receipt } from "../pay/Receipt";
import { cartReducer, EMPTY_CART, lineFor, priceOf } from "./cart";
import { CameraScanner } from "./CameraScanner";
import { CartPanel } from "./CartPanel";
import { useBarcodeWedge } from "./use-barcode-wedge";

const SHOWN = 60;

interface Props {
  readonly db: PosDatabase;
  readonly till: Till;
  readonly staff: Staff;
  readonly shift: Shift;
  readonly settings: Settings;
  /** This till's sales the server hasn't confirmed: their stock isn't in the server's levels yet. */
  readonly unsynced?: readonly Sale[] | undefined;
}

/** The sell screen: categories, products with stock, search and scanning, the cart, payment and the receipt. */
export function SellScreen({ db, till, staff, shift, settings, unsynced }: Props) {
  // Plain copies are made once per change of the replica, not on every keystroke.
  const productDocs = useObservable(() => db.products.find({ selector: { status: "active" } }).$, [db]);
  // The first screenful comes from an indexed, limited query, so a big catalog doesn't hold up the sell screen.
  const firstPageDocs = useObservable(
    () => db.products.find({ selector: { status: "active" }, sort: [{ status: "asc" }, { name: "asc" }], limit: SHOWN }).$,
    [db],
  );
  const categoryDocs = useObservable(() => db.categories.find().$, [db]);
  const levelDocs = useObservable(() => db.stock_levels.find({ selector: { locationId: till.locationId } }).$, [db, till.locationId]);
  const promotionDocs = useObservable(() => db.promotions.find().$, [db]);
  const products = useMemo(() => plain<Product>(productDocs), [productDocs]);
  const firstPage = useMemo(() => plain<Product>(firstPageDocs), [firstPageDocs]);
  const categories = useMemo(() => plain<Category>(categoryDocs), [categoryDocs]);
  const levels = useMemo(() => plain<StockLevel>(levelDocs), [levelDocs]);
  const promotions = useMemo(() => plain<Promotion>(promotionDocs), [promotionDocs]);
  const [cart, dispatch] = useReducer(cartReducer, EMPTY_CART);
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState<string>();
  const [picking, setPicking] = useState<Product>();
  const [stage, setStage] = useState<"cart" | "pay">("cart");
  const [receipt, setReceipt] = useState<Sale>();
  const [notice, setNotice] = useState<string>();
  const [camera, setCamera] = useState(false);

  useEffect(() => {
    setCartBusy(cart.lines.length > 0 || stage === "pay");
    return () => setCartBusy(false);
  }, [cart.lines.length, stage]);

  const money = moneyFormatter(settings.currency, settings.locale);
  const taxRates = useMemo(() => new Map(settings.taxRates.map((r) => [r.id, r.rate])), [settings.taxRates]);
  // Stock on the tiles: the server's level minus what this till sold (plus refunded) that hasn't reached it yet.
  const onHand = useMemo(() => {
    const map = new Map(levels.map((l) => [l.variantId, l.onHand]));
    for (const sale of unsynced ?? []) {
      if (sale.locationId !== till.locationId) continue;
      for (const line of sale.lines)
        map.set(line.variantId, (map.get(line.variantId) ?? 0) + (sale.kind === "refund" ? line.qty : -line.qty));
    }
    return map;
  }, [levels, unsynced, till.locationId]);
  const byCode = useMemo(() => {
    const map = new Map<string, { product: Product; variantId: string }>();
    for (const p of products)
      for (const v of p.variants) {
        if (v.barcode) map.set(v.barcode, { product: p, variantId: v.id });
        map.set(v.sku.toLowerCase(), { product: p, variantId: v.id });
      }
    return map;
  }, [products]);
  // One lower-cased text per product (name, SKUs, barcodes), built when the catalog changes: a keystroke only scans strings.
  const haystacks = useMemo(
    () => products.map((p) => [p.name, ...p.variants.flatMap((v) => [v.sku, v.barcode ?? ""])].join("\u0000").toLowerCase()),
    [products],
  );
  const shown = useMemo(() => {
    if (productDocs === undefined) return { total: firstPage.length, list: firstPage };
    const q = query.trim().toLowerCase();
    const list: Product[] = [];
    let total = 0;
    products.forEach((p, i) => {
      if ((category && p.categoryId !== category) || (q && !haystacks[i]!.includes(q))) return;
      total++;
      if (list.length < SHOWN) list.push(p);
    });
    return { total, list };
  }, [productDocs, firstPage, products, haystacks, query, category]);
  const priced = useMemo(() => priceOf(cart, settings.taxMode, promotions, new Date()), [cart, settings.taxMode, promotions]);

  const add = (product: Product, variantId?: string) => {
    if (!variantId && product.variants.length > 1) return setPicking(product);
    dispatch({ type: "add", id: uuidv7(), line: lineFor(product, variantId ?? product.variants[0]!.id, taxRates) });
    setPicking(undefined);
    setNotice(undefined);
  };
  const onCode = (code: string) => {
    const hit = byCode.get(code) ?? byCode.get(code.toLowerCase());
    if (hit) add(hit.product, hit.variantId);
    else setNotice(`No product has the barcode ${code}.`);
  };
  useBarcodeWedge(onCode, stage === "cart" && !receipt && !camera);

  const pay = async (settlement: Parameters<typeof completeSale>[0]["settlement"]) => {
    const sale = await completeSale({ db, till, shift, staff, settings, cart, priced, settlement, customerId: cart.customerId });
    setReceipt(sale);
    dispatch({ type: "clear" });
    setStage("cart");
  };

  if (receipt)
    return (
      <Receipt
        sale={receipt}
        settings={settings}
        tillName={till.name}
        onNewSale={() => setReceipt(undefined)}
        onEmailQueued={() => void flushReceiptEmails(till)}
      />
    );

  return (
    <div className="sell">
      <section className="catalog" aria-label="Products">
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
          <button type="button" className={!category ? "chip active" : "chip"} onClick={() => setCategory(undefined)}>
            All
          </button>
          {categories
            .filter((c) => !c._deleted)
            .sort((a, b) => a.position - b.position)
            .map((c) => (
              <button
                key={c.id}
                type="button"
                className={category === c.id ? "chip active" : "chip"}
                onClick={() => setCategory(c.id)}
                style={c.color ? { borderColor: c.color } : undefined}
              >
                {c.name}
              </button>
            ))}
        </div>
        <Alert message={notice} />
        {productDocs !== undefined && products.length === 0 ? (
          <p className="muted empty">No products yet. A manager adds them in the back office.</p>
        ) : shown.total === 0 ? (
          <p className="muted empty">Nothing matches “{query}”.</p>
        ) : (
          <ul className="grid">
            {shown.list.map((p) => {
              const stock = p.variants
                .filter((v) => v.trackStock)
                .reduce<number | undefined>((sum, v) => (sum ?? 0) + (onHand.get(v.id) ?? 0), undefined);
              const prices = p.variants.map((v) => v.price);
              return (
                <li key={p.id}>
                  <button type="button" className="tile" onClick={() => add(p)}>
                    {p.images[0] && <img className="tile-image" src={p.images[0]} alt="" loading="lazy" />}
                    <span className="tile-name">{p.name}</span>
                    <span className="tile-price">
                      {prices.length > 1 && Math.min(...prices) !== Math.max(...prices)
                        ? `from ${money(Math.min(...prices))}`
                        : money(prices[0] ?? 0)}
                    </span>
                    {stock !== undefined && <span className={`stock ${stockStatus(qty(stock), "staff")}`}>{stock} in stock</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {shown.total > SHOWN && (
          <p className="muted">
            Showing {SHOWN} of {shown.total}. Search to narrow down.
          </p>
        )}
      </section>

      <aside className="cart" aria-label="Cart">
        {stage === "pay" ? (
          <PaymentPanel
            priced={priced}
            currency={settings.currency}
            locale={settings.locale}
            cashIncrement={settings.cashRounding}
            onPaid={pay}
            onCancel={() => setStage("cart")}
          />
        ) : (
          <CartPanel
            db={db}
            deviceId={till.deviceId}
            settings={settings}
            cart={cart}
            priced={priced}
            dispatch={dispatch}
            onPay={() => setStage("pay")}
          />
        )}
      </aside>

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
        <Dialog title={picking.name} layout="plain">
          <div className="variants">
            {picking.variants.map((v) => (
              <button key={v.id} type="button" className="tile" onClick={() => add(picking, v.id)}>
                <span className="tile-name">{v.title}</span>
                <span className="tile-price">{money(v.price)}</span>
                {v.trackStock && <span className="stock">{onHand.get(v.id) ?? 0} in stock</span>}
              </button>
            ))}
          </div>
          <button type="button" className="link" onClick={() => setPicking(undefined)}>
            Cancel
          </button>
        </Dialog>
      )}
    </div>
  );
}

import type { Category, Promotion, PromotionKind } from "@countertop/sync-protocol";
import { promotionSchema } from "@countertop/sync-protocol";
import { Alert, amountText, DateField, parseAmount, parsePercent, percentText, shopFormat } from "@countertop/ui";
import { useState } from "react";
import { uuidv7 } from "uuidv7";
import type { ManagerContext } from "../manager-context";
import { saveWrites } from "../shared/write";

const KINDS: readonly (readonly [PromotionKind, string])[] = [
  ["order_percent", "Percent off the order"],
  ["order_fixed", "Amount off the order"],
  ["category_percent", "Percent off a category"],
  ["buy_x_get_y", "Buy X, get Y at a discount"],
];

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");

/** Creates or edits a promotion of a kind the till prices, with its dates, coupon code and usage limit. */
export function PromotionForm({
  context,
  promotion,
  categories,
  onDone,
}: {
  context: ManagerContext;
  promotion: Promotion | undefined;
  categories: readonly Category[];
  onDone: () => void;
}) {
  const { currency, locale } = context.settings;
  const format = shopFormat(context.settings);
  const percentKind = (k: PromotionKind) => k === "order_percent" || k === "category_percent";
  const [kind, setKind] = useState<PromotionKind>(promotion?.kind ?? "order_percent");
  const [name, setName] = useState(promotion?.name ?? "");
  const [value, setValue] = useState(() =>
    promotion
      ? percentKind(promotion.kind)
        ? percentText(promotion.value, locale).replace(/\s?%/, "")
        : amountText(promotion.value, currency, locale)
      : "",
  );
  const [categoryId, setCategoryId] = useState(promotion?.categoryId ?? "");
  const [buyQty, setBuyQty] = useState(String(promotion?.buyQty ?? 2));
  const [getQty, setGetQty] = useState(String(promotion?.getQty ?? 1));
  const [getPercent, setGetPercent] = useState(
    promotion?.getPercent === undefined ? "100" : percentText(promotion.getPercent, locale).replace(/\s?%/, ""),
  );
  const [code, setCode] = useState(promotion?.code ?? "");
  const [limit, setLimit] = useState(promotion?.usageLimit ? String(promotion.usageLimit) : "");
  const [active, setActive] = useState(promotion?.active ?? true);
  const [starts, setStarts] = useState(day(promotion?.startsAt));
  const [ends, setEnds] = useState(day(promotion?.endsAt));
  const [error, setError] = useState<string>();

  const save = async () => {
    let amount = 0;
    if (kind !== "buy_x_get_y") {
      const parsed = percentKind(kind)
        ? parsePercent(value, locale)
        : (() => {
            try {
              return parseAmount(value, currency, locale);
            } catch {
              return undefined;
            }
          })();
      if (parsed === undefined)
        return setError(
          percentKind(kind) ? "Type the percentage off, such as 10." : `Type the amount off, such as ${amountText(500, currency, locale)}.`,
        );
      amount = parsed;
    }
    const coupon = code.trim().toUpperCase();
    const uses = coupon && limit.trim() ? Number(limit.trim()) : undefined;
    if (uses !== undefined && !(Number.isSafeInteger(uses) && uses >= 1))
      return setError("Type how many times the coupon may be used, such as 100, or leave it empty for no limit.");
    const {
      categoryId: _c,
      buyQty: _b,
      getQty: _g,
      getPercent: _p,
      code: _code,
      usageLimit: _u,
      startsAt: _s,
      endsAt: _e,
      ...kept
    } = promotion ?? ({} as Partial<Promotion>);
    const next = {
      ...kept,
      id: promotion?.id ?? uuidv7(),
      name: name.trim(),
      kind,
      value: amount,
      active,
      ...(kind === "category_percent" || (kind === "buy_x_get_y" && categoryId) ? { categoryId } : {}),
      ...(kind === "buy_x_get_y"
        ? { buyQty: Number(buyQty), getQty: Number(getQty), getPercent: parsePercent(getPercent, locale) ?? 10_000 }
        : {}),
      // A limit is a coupon's: the shop's online checkout holds its orders to it (an automatic promotion has none).
      ...(coupon ? { code: coupon } : {}),
      ...(uses !== undefined ? { usageLimit: uses } : {}),
      ...(starts ? { startsAt: new Date(`${starts}T00:00:00`).toISOString() } : {}),
      ...(ends ? { endsAt: new Date(`${ends}T23:59:59`).toISOString() } : {}),
      updatedAt: new Date().toISOString(),
      _deleted: false,
    };
    const check = promotionSchema.safeParse(next);
    if (!check.success) {
      const issue = check.error.issues[0];
      return setError(`${issue?.path.join(" ") || "promotion"}: ${issue?.message}`);
    }
    const refusal = await saveWrites(context, "promotions", [
      { before: promotion, after: check.data, summary: `${promotion ? "Edit" : "Add"} promotion ${check.data.name}` },
    ]);
    if (refusal) setError(refusal);
    else onDone();
  };

  return (
    <section aria-label={promotion ? `Edit ${promotion.name}` : "New promotion"} className="grid-gap">
      <div className="settings-grid">
        <label>
          Name
          <input maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as PromotionKind)}>
            {KINDS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {kind !== "buy_x_get_y" && (
          <label>
            {percentKind(kind) ? "Percent off" : "Amount off"}
            <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
        )}
        {(kind === "category_percent" || kind === "buy_x_get_y") && (
          <label>
            Category
            <select value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              <option value="">Choose…</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === "buy_x_get_y" && (
          <>
            <label>
              Buy
              <input inputMode="numeric" value={buyQty} onChange={(e) => setBuyQty(e.target.value)} />
            </label>
            <label>
              Get
              <input inputMode="numeric" value={getQty} onChange={(e) => setGetQty(e.target.value)} />
            </label>
            <label>
              At percent off (100 = free)
              <input inputMode="decimal" value={getPercent} onChange={(e) => setGetPercent(e.target.value)} />
            </label>
          </>
        )}
        <label>
          Coupon code (empty: applies by itself)
          <input value={code} maxLength={50} onChange={(e) => setCode(e.target.value)} />
        </label>
        <label>
          Coupon uses allowed (empty: no limit)
          <input
            inputMode="numeric"
            value={code.trim() ? limit : ""}
            disabled={!code.trim()}
            title={code.trim() ? undefined : "A limit needs a coupon code"}
            onChange={(e) => setLimit(e.target.value)}
          />
        </label>
        <DateField label="Starts" value={starts} pattern={format.datePattern} onChange={setStarts} />
        <DateField label="Ends" value={ends} pattern={format.datePattern} onChange={setEnds} />
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          Active
        </label>
      </div>
      <Alert message={error} />
      <div className="row">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save promotion
        </button>
      </div>
    </section>
  );
}

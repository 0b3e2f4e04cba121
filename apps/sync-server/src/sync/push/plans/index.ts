import type { CollectionName } from "@countertop/sync-protocol";
import { plainPlan, type PushPlan } from "../push-plan";
import { customersPlan } from "./customers.plan";
import { ordersPlan } from "./orders.plan";
import { productsPlan } from "./products.plan";
import { reconciliationPlan } from "./reconciliation.plan";
import { salesPlan } from "./sales.plan";
import { settingsPlan } from "./settings.plan";
import { shiftsPlan } from "./shifts.plan";
import { staffPlan } from "./staff.plan";
import { stockMovementsPlan } from "./stock-movements.plan";

/**
 * The push plan of every collection, with who may write it (DESIGN's Authority table). A kind of
 * caller a plan does not name may write nothing in that collection: each such row is refused.
 */
export const PUSH_PLANS: { readonly [N in CollectionName]: PushPlan<N> } = {
  products: productsPlan,
  categories: plainPlan("categories", { manager: true }),
  sales: salesPlan,
  stock_movements: stockMovementsPlan,
  // A projection of the movements, written by the server only.
  stock_levels: plainPlan("stock_levels", {}),
  shifts: shiftsPlan,
  orders: ordersPlan,
  customers: customersPlan,
  staff: staffPlan,
  settings: settingsPlan,
  promotions: plainPlan("promotions", { manager: true }),
  reconciliation: reconciliationPlan,
};

import type { CollectionName } from "@countertop/sync-protocol";
import { plainPlan, type PushPlan } from "../push-plan";
import { customersPlan } from "./customers.plan";
import { ordersPlan } from "./orders.plan";
import { salesPlan } from "./sales.plan";
import { shiftsPlan } from "./shifts.plan";
import { stockMovementsPlan } from "./stock-movements.plan";

/** The push plan of every collection; collections with nothing particular store what their conflict rule decides. */
export const PUSH_PLANS: { readonly [N in CollectionName]: PushPlan<N> } = {
  products: plainPlan("products"),
  categories: plainPlan("categories"),
  sales: salesPlan,
  stock_movements: stockMovementsPlan,
  stock_levels: plainPlan("stock_levels"),
  shifts: shiftsPlan,
  orders: ordersPlan,
  customers: customersPlan,
  staff: plainPlan("staff"),
  settings: plainPlan("settings"),
  promotions: plainPlan("promotions"),
  reconciliation: plainPlan("reconciliation"),
};

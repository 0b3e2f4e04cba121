import type { LimitName, ModuleName } from "../app/types";

/** What people call each limit. */
export const LIMIT_LABELS: Record<LimitName, string> = { registers: "Tills", locations: "Locations", staff: "Staff", products: "Products" };

/** What people call each module. */
export const MODULE_LABELS: Record<ModuleName, string> = {
  storefront: "Online shop",
  online_orders: "Online orders",
  emailed_receipts: "Emailed receipts",
  multi_location: "Several locations",
};

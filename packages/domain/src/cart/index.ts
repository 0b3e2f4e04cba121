export * from "./buy-x-get-y.ts";
export * from "./discount.ts";
export * from "./price-cart.ts";
export * from "./promotions.ts";
export * from "./totals.ts";
export * from "./types.ts";

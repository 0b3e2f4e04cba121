/**
 * @countertop/domain — pure commerce rules shared by the till, the storefront and the server.
 * No I/O, no framework: clocks, ids and data come in as arguments.
 */
export * from "./errors.ts";
export * from "./units.ts";
export * from "./money/index.ts";
export * from "./tax/index.ts";
export * from "./cart/index.ts";
export * from "./payments/index.ts";
export * from "./refunds/index.ts";
export * from "./stock/index.ts";
export * from "./shifts/index.ts";
export * from "./orders/index.ts";
export * from "./receipts/index.ts";
export * from "./sync/index.ts";
export * from "./catalog/index.ts";
export * from "./reports/index.ts";
export * from "./shop/index.ts";

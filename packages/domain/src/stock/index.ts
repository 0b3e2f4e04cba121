export * from "./stock.ts";
export * from "./history.ts";

export * from "./json-equal.ts";
export * from "./merge.ts";
export * from "./reprice-sale.ts";
export * from "./resolve-push.ts";

export * from "./tax.ts";

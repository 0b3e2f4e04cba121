export * from "./barcode.ts";
export * from "./price-change.ts";

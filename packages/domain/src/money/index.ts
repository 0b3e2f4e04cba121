export * from "./allocate.ts";
export * from "./arithmetic.ts";
export * from "./currency.ts";
export * from "./format.ts";
export * from "./rounding.ts";

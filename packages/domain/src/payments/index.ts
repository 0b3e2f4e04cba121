export * from "./cash-rounding.ts";
export * from "./payments.ts";

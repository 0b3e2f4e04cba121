export * from "./refund.ts";

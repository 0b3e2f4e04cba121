export * from "./order-state.ts";

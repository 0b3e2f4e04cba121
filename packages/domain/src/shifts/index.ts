export * from "./cash.ts";
export * from "./denominations.ts";
export * from "./z-report.ts";

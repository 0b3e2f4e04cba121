export * from "./opening-hours.ts";
export * from "./contrast.ts";

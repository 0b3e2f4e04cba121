export * from "./local-time.ts";
export * from "./report-facts.ts";
export * from "./report-documents.ts";
export * from "./summarize.ts";

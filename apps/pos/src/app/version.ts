declare const __APP_VERSION__: string | undefined;

/** This build's version (the package's, stamped at build time), reported to the server on every sync. */
export const APP_VERSION: string = typeof __APP_VERSION__ === "string" ? __APP_VERSION__ : "dev";

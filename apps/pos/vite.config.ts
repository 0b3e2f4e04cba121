import { readFileSync } from "node:fs";
import { defineConfig } from "vite";
import { mediaCaching, productImageCaching, pwaApp } from "@countertop/tooling/vite";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

export default defineConfig({
  ...pwaApp({
    base: "/pos/",
    port: 5173,
    manifest: { name: "Countertop POS", short_name: "Till", theme_color: "#1f6f5c" },
    // Tiles show product pictures at the till for days offline.
    runtimeCaching: [mediaCaching, productImageCaching],
  }),
  // Reported to the server with every sync, so the shop and the platform see which tills run what.
  define: { __APP_VERSION__: JSON.stringify(version) },
});

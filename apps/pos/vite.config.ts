import { defineConfig } from "vite";
import { mediaCaching, productImageCaching, pwaApp } from "@countertop/tooling/vite";

export default defineConfig(
  pwaApp({
    base: "/pos/",
    port: 5173,
    manifest: { name: "Countertop POS", short_name: "Till", theme_color: "#1f6f5c" },
    // Tiles show product pictures at the till for days offline.
    runtimeCaching: [mediaCaching, productImageCaching],
  }),
);

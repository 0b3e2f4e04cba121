import { defineConfig } from "vite";
import { pwaApp } from "../../vite.config.ts";

export default defineConfig(
  pwaApp({
    base: "/pos/",
    port: 5173,
    manifest: { name: "Countertop POS", short_name: "Till", theme_color: "#1f6f5c" },
  }),
);

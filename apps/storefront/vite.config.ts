import { defineConfig } from "vite";
import { pwaApp } from "../../vite.config.ts";

export default defineConfig(
  pwaApp({
    base: "/shop/",
    port: 5174,
    manifest: { name: "Countertop Shop", short_name: "Shop", theme_color: "#1f6f5c" },
  }),
);

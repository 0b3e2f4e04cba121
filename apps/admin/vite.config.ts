import { defineConfig } from "vite";
import { pwaApp } from "../../vite.config.ts";

export default defineConfig(
  pwaApp({
    base: "/admin/",
    port: 5175,
    manifest: { name: "Countertop Admin", short_name: "Admin", theme_color: "#22304a" },
  }),
);

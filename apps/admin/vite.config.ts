import { defineConfig } from "vite";
import { pwaApp } from "@countertop/tooling/vite";

export default defineConfig(
  pwaApp({
    base: "/admin/",
    port: 5175,
    manifest: { name: "Countertop Admin", short_name: "Admin", theme_color: "#22304a" },
  }),
);

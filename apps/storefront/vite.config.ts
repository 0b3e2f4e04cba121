import { defineConfig } from "vite";
import { mediaCaching, productImageCaching, pwaApp } from "@countertop/tooling/vite";

export default defineConfig(
  pwaApp({
    base: "/shop/",
    port: 5174,
    manifest: { name: "Countertop Shop", short_name: "Shop", theme_color: "#1f6f5c" },
    runtimeCaching: [mediaCaching, productImageCaching],
    // Under /shop/ on the platform's host; at the root of a shop's own domain (the APIs excepted).
    navigateFallbackAllowlist: [/^\/(?!api\/|sync\/|health|media\/|pos\/|admin\/)/],
  }),
);

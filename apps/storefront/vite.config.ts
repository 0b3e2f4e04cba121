import { defineConfig } from "vite";
import { mediaCaching, productImageCaching, pwaApp } from "@countertop/tooling/vite";

const app = pwaApp({
  base: "/shop/",
  port: 5174,
  manifest: { name: "Countertop Shop", short_name: "Shop", theme_color: "#1f6f5c" },
  runtimeCaching: [mediaCaching, productImageCaching],
  // Under /shop/ on the platform's host; at the root of a shop's own domain (the APIs excepted).
  navigateFallbackAllowlist: [/^\/(?!api\/|sync\/|health|media\/|pos\/|admin\/)/],
});

// The build's manifest (`dist/.vite/manifest.json`) names the entry's static imports: the first-load
// budget (e2e/support/first-load.ts) counts from it.
export default defineConfig({ ...app, build: { ...app.build, manifest: true } });

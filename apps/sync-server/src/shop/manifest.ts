import type { AppDeps } from "../http/app-env";
import { readSettingsOf } from "../documents/settings.repository";

const ICONS = [
  { src: "/shop/icons/icon-192.png", sizes: "192x192", type: "image/png" },
  { src: "/shop/icons/icon-512.png", sizes: "512x512", type: "image/png" },
  { src: "/shop/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
];

/**
 * A shop's own web app manifest — its name and colour from its settings, `start_url` and `scope` at
 * `base` (`/shop/{slug}/`, or `/` on the shop's own domain) — so each shop installs as its own app.
 */
export async function shopManifest(deps: Pick<AppDeps, "db">, tenant: { id: string; name: string }, base: string): Promise<Response> {
  const settings = await readSettingsOf(deps.db, tenant.id);
  const name = settings?.shopName ?? tenant.name;
  const manifest = {
    id: base,
    name,
    short_name: name.length > 12 ? name.slice(0, 12).trimEnd() : name,
    start_url: base,
    scope: base,
    display: "standalone",
    background_color: "#f6f4ef",
    theme_color: settings?.theme?.primaryColor ?? "#1f6f5c",
    icons: ICONS,
  };
  return new Response(JSON.stringify(manifest), {
    status: 200,
    headers: { "content-type": "application/manifest+json", "cache-control": "no-cache" },
  });
}

import type { AppDeps } from "../http/app-env";
import { readSettingsOf } from "../documents/settings.repository";

/** The storefront build's icons, as paths under the shop's base (served from `storefront/dist/icons/`). */
const ICONS = [
  { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
  { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
  { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
];

/**
 * The name under an installed app's icon: at most 12 characters, so the home screen never cuts it.
 * Whole words of the shop's name while they fit ("Corner Pantry" → "Corner"), else its start.
 * @example
 * shortNameOf("Corner Pantry") // "Corner"
 * shortNameOf("Bakery") // "Bakery"
 */
export function shortNameOf(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= 12) return trimmed;
  let short = "";
  for (const word of trimmed.split(/\s+/)) {
    const next = short ? `${short} ${word}` : word;
    if (next.length > 12) break;
    short = next;
  }
  return short || trimmed.slice(0, 12);
}

/**
 * A shop's own web app manifest — its name and colour from its settings, `start_url` and `scope` at
 * `base` (`/shop/{slug}/`, or `/` on the shop's own domain) — so each shop installs as its own app.
 * Its icons live under the same base, so they load wherever the shop is served.
 */
export async function shopManifest(deps: Pick<AppDeps, "db">, tenant: { id: string; name: string }, base: string): Promise<Response> {
  const settings = await readSettingsOf(deps.db, tenant.id);
  const name = settings?.shopName ?? tenant.name;
  const manifest = {
    id: base,
    name,
    short_name: settings?.theme?.shortName ?? shortNameOf(name),
    start_url: base,
    scope: base,
    display: "standalone",
    background_color: "#f6f4ef",
    theme_color: settings?.theme?.primaryColor ?? "#1f6f5c",
    icons: ICONS.map((icon) => ({ ...icon, src: `${base}${icon.src}` })),
  };
  return new Response(JSON.stringify(manifest), {
    status: 200,
    headers: { "content-type": "application/manifest+json", "cache-control": "no-cache" },
  });
}

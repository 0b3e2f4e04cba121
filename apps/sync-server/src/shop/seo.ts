import { escapeHtml } from "./html-text";
import type { ShopPages } from "./shop-snapshot.repository";

/**
 * A shop's `sitemap.xml`: its home page, each category and each product it sells, at `shopUrl`
 * (the shop's absolute URL with its slash). Products carry their last change.
 */
export function sitemapXml(pages: ShopPages, shopUrl: string): string {
  const entry = (loc: string, lastmod?: string) =>
    `<url><loc>${escapeHtml(loc)}</loc>${lastmod ? `<lastmod>${escapeHtml(lastmod)}</lastmod>` : ""}</url>`;
  const urls = [
    entry(shopUrl),
    ...pages.categoryIds.map((id) => entry(`${shopUrl}?category=${encodeURIComponent(id)}`)),
    ...pages.products.map((p) => entry(`${shopUrl}p/${encodeURIComponent(p.id)}`, p.updatedAt ?? undefined)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

/**
 * A shop's `robots.txt`: its pages may be crawled, its cart, checkout, account and order pages not
 * (they are a shopper's own), and where its sitemap is. `base` is the shop's path with its slash.
 */
export function robotsTxt(base: string, sitemapUrl: string): string {
  const private_ = ["cart", "checkout", "account", "order/"].map((p) => `Disallow: ${base}${p}`);
  return ["User-agent: *", `Allow: ${base}`, ...private_, "", `Sitemap: ${sitemapUrl}`, ""].join("\n");
}

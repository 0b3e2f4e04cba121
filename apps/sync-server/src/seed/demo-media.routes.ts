import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { demoCategories, demoImageFile, demoProducts } from "./demo-catalog";

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A 4:3 picture for a demo product: its category's colour and its initials, centred, so that any
 * crop (a wide till tile, a square thumbnail) keeps them whole. The name is not drawn: every screen
 * prints it beside the picture, and a long one would be cut off.
 */
function picture(name: string, color: string): string {
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300" width="400" height="300" role="img" aria-label="${escape(name)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="${color}" stop-opacity="0.72"/></linearGradient></defs>
<rect width="400" height="300" fill="url(#g)"/><circle cx="330" cy="40" r="120" fill="#fff" fill-opacity="0.08"/><circle cx="60" cy="280" r="90" fill="#fff" fill-opacity="0.06"/>
<text x="200" y="150" dy="0.35em" text-anchor="middle" font-family="system-ui,sans-serif" font-size="92" font-weight="700" fill="#fff" fill-opacity="0.95">${escape(initials)}</text>
</svg>`;
}

/**
 * `GET /media/demo/{file}.svg`: the demo shop's product pictures, drawn from the demo catalog (a
 * real shop's images live wherever its product documents point). Cached for a day by browsers and
 * kept offline by the storefront's service worker.
 */
export function demoMediaRoutes() {
  const byFile = new Map(
    demoProducts.map((p) => [
      demoImageFile(p.name),
      { name: p.name, color: demoCategories.find((c) => c.key === p.category)?.color ?? "#55657a" },
    ]),
  );
  return new Hono<AppEnv>().get("/:file", (c) => {
    const found = byFile.get(c.req.param("file"));
    if (!found) throw new ApiError(ErrorCode.not_found, "There is no such picture.");
    return c.body(picture(found.name, found.color), 200, {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=86400",
    });
  });
}

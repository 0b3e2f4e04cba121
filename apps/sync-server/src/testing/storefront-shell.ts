import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ShopSnapshot } from "@countertop/sync-protocol";

/** The storefront's index.html as `vite build` writes it (the parts the server rewrites). */
export const SHELL = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="theme-color" content="#1f6f5c" />
    <meta name="description" content="Countertop Shop" />
    <link rel="icon" href="/shop/icons/icon.svg" type="image/svg+xml" />
    <title>Countertop Shop</title>
    <script type="module" crossorigin src="/shop/_app/index-abcdef12.js"></script>
    <link rel="stylesheet" crossorigin href="/shop/_app/index-abcdef12.css">
    <link rel="manifest" href="/shop/manifest.webmanifest">
  </head>
  <body>
    <div id="root"></div>
    <noscript>Countertop Shop needs JavaScript.</noscript>
  </body>
</html>
`;

/** A static root holding the storefront's built shell, as `staticRoot` for a test server. */
export function builtStorefront(): string {
  const root = mkdtempSync(path.join(tmpdir(), "ct-shop-page-"));
  mkdirSync(path.join(root, "storefront", "dist"), { recursive: true });
  writeFileSync(path.join(root, "storefront", "dist", "index.html"), SHELL);
  return root;
}

/** The inlined snapshot of a served page, parsed as the storefront parses it; `undefined` when there is none. */
export function snapshotOf(html: string): ShopSnapshot | undefined {
  const m = /<script type="application\/json" id="shop-snapshot">([^<]*)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1]!) as ShopSnapshot) : undefined;
}

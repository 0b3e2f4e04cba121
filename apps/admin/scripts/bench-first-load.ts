/**
 * `pnpm bench:admin`: what the console's production build costs a first visit. Reads `dist/`:
 * the scripts and styles `index.html` loads (the sign-in screen: entry and module preloads), then
 * what the signed-in console loads on top (the console's screens, and the chart library with the
 * first chart), each gzipped at level 9. Prints each file and ends with one JSON line.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const html = readFileSync(path.join(dist, "index.html"), "utf8");
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;

const linked = [...html.matchAll(/(?:src|href)="\/admin\/(_app\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const first = linked.filter((f) => f.endsWith(".js"));
const firstCss = linked.filter((f) => f.endsWith(".css"));
const chunks = readdirSync(path.join(dist, "_app")).map((f) => `_app/${f}`);
const later = chunks.filter((f) => f.endsWith(".js") && !first.includes(f) && /\/(Console|DayChart)-/.test(f));

for (const f of [...first, ...firstCss]) console.log(`bench:admin: first load  ${f}: ${kb(gz(f))} KB gzipped`);
for (const f of later) console.log(`bench:admin: after sign-in ${f}: ${kb(gz(f))} KB gzipped`);
const firstLoadJs = first.reduce((n, f) => n + gz(f), 0);
const signedInJs = later.reduce((n, f) => n + gz(f), 0);
console.log(
  `bench:admin: first-load JS (the sign-in screen) ${kb(firstLoadJs)} KB gzipped; the console and its charts add ${kb(signedInJs)} KB once signed in`,
);
console.log(
  JSON.stringify({
    first_load_js_kb_gz: kb(firstLoadJs),
    first_load_css_kb_gz: kb(firstCss.reduce((n, f) => n + gz(f), 0)),
    signed_in_extra_js_kb_gz: kb(signedInJs),
  }),
);

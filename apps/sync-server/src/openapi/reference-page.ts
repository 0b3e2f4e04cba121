import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Doc = Record<string, unknown> & {
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, unknown> };
};
type Op = {
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  "x-callers"?: string[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: unknown; example?: unknown }> };
  responses: Record<string, { description?: string; $ref?: string; content?: Record<string, { schema?: unknown; example?: unknown }> }>;
};

const STYLE = `
body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1c1f23;background:#f6f4ef}
header{background:#22304a;color:#fff;padding:20px 32px}header h1{margin:0 0 4px}header a{color:#cfe0ff}
main{display:grid;grid-template-columns:240px 1fr;gap:24px;padding:24px 32px;max-width:1400px}
nav{position:sticky;top:16px;align-self:start;font-size:14px}nav a{display:block;color:#22304a;padding:2px 0;text-decoration:none}
nav h2{font-size:13px;text-transform:uppercase;color:#5b6470;margin:16px 0 4px}
section.op{background:#fff;border-radius:12px;padding:16px 20px;margin:0 0 16px;box-shadow:0 2px 10px rgba(0,0,0,.05)}
.m{display:inline-block;min-width:58px;text-align:center;border-radius:6px;padding:2px 8px;font:600 12px ui-monospace,monospace;color:#fff;margin-right:8px}
.get{background:#1f6f5c}.post{background:#22304a}.put{background:#a15c00}.delete{background:#a3261b}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f3f1ec;padding:10px;border-radius:8px;overflow:auto;max-height:420px}
.path{font:600 15px ui-monospace,monospace}.muted{color:#5b6470}table{border-collapse:collapse;font-size:14px}td,th{padding:4px 10px 4px 0;text-align:left;vertical-align:top}
details summary{cursor:pointer;color:#22304a;margin:6px 0}h2.tag{margin:28px 0 8px}`;

const json = (value: unknown) => JSON.stringify(value, null, 2);

function operation(path: string, method: string, op: Op): HtmlEscapedString | Promise<HtmlEscapedString> {
  const body = op.requestBody?.content["application/json"];
  return html`<section class="op" id="${op.operationId}">
    <div><span class="m ${method}">${method.toUpperCase()}</span><span class="path">${path}</span></div>
    <p><strong>${op.summary}</strong></p>
    ${op.description ? html`<p>${op.description}</p>` : ""}
    <p class="muted">${op["x-callers"] ? `Bearer token of: ${op["x-callers"].join(", ")}` : "No sign-in needed"}</p>
    ${
      op.parameters.length > 0
        ? html`<table>
            <tr>
              <th>parameter</th>
              <th>in</th>
              <th>type</th>
              <th></th>
            </tr>
            ${op.parameters.map(
              (p) =>
                html`<tr>
                  <td><code>${p.name}</code>${p.required ? " *" : ""}</td>
                  <td>${p.in}</td>
                  <td>
                    <code>${String(p.schema.type ?? "")}${p.schema.enum ? ` (${(p.schema.enum as string[]).join(" | ")})` : ""}</code>
                  </td>
                  <td class="muted">${p.description ?? ""}</td>
                </tr>`,
            )}
          </table>`
        : ""
    }
    ${
      body
        ? html`<details>
            <summary>Request body schema</summary>
            <pre>${json(body.schema)}</pre>
          </details>`
        : ""
    }
    ${
      body?.example !== undefined
        ? html`<p class="muted">Example request</p>
            <pre>${json(body.example)}</pre>`
        : ""
    }
    ${Object.entries(op.responses).map(([status, r]) => {
      const content = r.content ? Object.entries(r.content)[0] : undefined;
      return html`<details>
        <summary>
          <code>${status}</code> ${r.description ?? (r.$ref ? r.$ref.split("/").at(-1) : "")}${content ? ` — ${content[0]}` : ""}
        </summary>
        ${content?.[1].schema ? html`<pre>${json(content[1].schema)}</pre>` : ""}
        ${
          content?.[1].example !== undefined
            ? html`<p class="muted">Example</p>
                <pre>${json(content[1].example)}</pre>`
            : ""
        }
      </details>`;
    })}
  </section>`;
}

/**
 * The readable reference of the API, rendered on the server from the OpenAPI document (no script,
 * so it loads under the site's Content-Security-Policy and works without JavaScript).
 */
export function referencePage(doc: Doc) {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title} reference</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>${doc.info.title}</h1>
          <div>Version ${doc.info.version} · OpenAPI 3.1 document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></div>
        </header>
        <main>
          <nav aria-label="Operations">
            ${doc.tags.map(
              (t) =>
                html`<h2>${t.name}</h2>
                  ${ops.filter((o) => o.op.tags[0] === t.name).map((o) => html`<a href="#${o.op.operationId}">${o.method.toUpperCase()} ${o.path}</a>`)}`,
            )}
            <h2>Schemas</h2>
            ${Object.keys(doc.components.schemas).map((name) => html`<a href="#schema-${name}">${name}</a>`)}
          </nav>
          <div>
            <p>${doc.info.description}</p>
            ${doc.tags.map(
              (t) =>
                html`<h2 class="tag" id="tag-${t.name}">${t.name}</h2>
                  <p class="muted">${t.description}</p>
                  ${ops.filter((o) => o.op.tags[0] === t.name).map((o) => operation(o.path, o.method, o.op))}`,
            )}
            <h2 class="tag">Schemas</h2>
            ${Object.entries(doc.components.schemas).map(
              ([name, schema]) =>
                html`<section class="op" id="schema-${name}">
                  <strong>${name}</strong>
                  <details>
                    <summary>JSON Schema</summary>
                    <pre>${json(schema)}</pre>
                  </details>
                </section>`,
            )}
          </div>
        </main>
      </body>
    </html>`;
}

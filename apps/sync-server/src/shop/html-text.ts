/**
 * Text and attribute values for HTML (and XML) we write by hand: a shop's product names and
 * descriptions are the shop's own text, so every one goes through here.
 * @example
 * `<h1>${escapeHtml(product.name)}</h1>`
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * JSON to put inside a `<script type="application/json">`: `<`, `>` and `&` written as `\u003c`…,
 * so no text in it can close the script element or open a comment, and the line separators
 * U+2028/U+2029 escaped too. `JSON.parse` of the element's text gives the value back unchanged.
 */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

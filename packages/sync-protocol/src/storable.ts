import type { z } from "zod";

/*
 * What PostgreSQL's jsonb can store, and what one document may weigh. Documents are loose objects
 * (unknown fields pass through), so these limits apply to the whole JSON value, known fields or not.
 */

/** The most levels of nested objects and arrays in one document (a sale's line discount is 3 deep). */
export const MAX_DOCUMENT_DEPTH = 12;

/** The most characters of JSON one document may take (a 500-line sale takes about 200 000). */
export const MAX_DOCUMENT_CHARS = 512 * 1024;

/** A NUL, or a UTF-16 surrogate that is not half of a pair: text jsonb refuses. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` has a character PostgreSQL cannot store in `jsonb` (a NUL or a lone surrogate). */
export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * `text` with every NUL and lone surrogate replaced by U+FFFD, the replacement character.
 * @example
 * replaceUnstorableText("a\u0000b") // "a\uFFFDb"
 */
export function replaceUnstorableText(text: string): string {
  return text.replace(new RegExp(UNSTORABLE.source, "g"), "\uFFFD");
}

/** The first thing in `value` that a document may not hold, with its path; `undefined` when all is well. */
export function findUnstorable(value: unknown): { readonly path: (string | number)[]; readonly message: string } | undefined {
  let chars = 0;
  // One path, grown and shrunk as the walk goes (it runs on every pushed document): copied only for a finding.
  const path: (string | number)[] = [];
  const found = (message: string) => ({ path: [...path], message });
  const walk = (v: unknown, depth: number): { path: (string | number)[]; message: string } | undefined => {
    if (typeof v === "string") {
      chars += v.length + 2;
      return hasUnstorableText(v) ? found("contains a character that cannot be stored (a NUL or a lone surrogate)") : undefined;
    }
    if (typeof v === "number") {
      chars += 8;
      return Number.isFinite(v) ? undefined : found("is not a finite number");
    }
    if (v === null || typeof v !== "object") {
      chars += 5;
      return undefined;
    }
    if (depth >= MAX_DOCUMENT_DEPTH) return found(`nests deeper than ${MAX_DOCUMENT_DEPTH} levels`);
    const array = Array.isArray(v);
    const keys = array ? undefined : Object.keys(v);
    const length = array ? v.length : keys!.length;
    for (let i = 0; i < length; i++) {
      const key = array ? i : keys![i]!;
      if (typeof key === "string") {
        chars += key.length + 3;
        if (hasUnstorableText(key)) {
          path.push(key);
          return found("is a field name that cannot be stored");
        }
      }
      path.push(key);
      const inside = walk(array ? (v as unknown[])[i] : (v as Record<string, unknown>)[key], depth + 1);
      if (inside) return inside;
      path.pop();
      if (chars > MAX_DOCUMENT_CHARS) return found(`is larger than ${MAX_DOCUMENT_CHARS} characters of JSON`);
    }
    return undefined;
  };
  return walk(value, 0);
}

/** A zod check that the whole value is storable (see {@link findUnstorable}), reported at the offending path. */
export function storable(ctx: z.core.ParsePayload<unknown>): void {
  const found = findUnstorable(ctx.value);
  if (found) ctx.issues.push({ code: "custom", message: found.message, path: found.path, input: ctx.value });
}

/**
 * `value` with every unstorable character of every string and field name replaced (see
 * {@link replaceUnstorableText}), and whether anything was. A sale is never refused for its text:
 * the server stores it this way and flags it for review.
 */
export function replaceUnstorableDeep(value: unknown): { readonly value: unknown; readonly replaced: boolean } {
  let replaced = false;
  const fix = (text: string) => {
    if (!hasUnstorableText(text)) return text;
    replaced = true;
    return replaceUnstorableText(text);
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return fix(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [fix(k), walk(item)]));
  };
  const result = walk(value);
  return { value: result, replaced };
}

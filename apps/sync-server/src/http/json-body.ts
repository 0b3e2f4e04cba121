import type { Context } from "hono";
import type { z } from "zod";
import { ApiError, ErrorCode } from "./errors";

/** Reads and validates a JSON body (with `optional`, an empty body reads as `{}`); 400 naming the first bad field, never a thrown parser error. */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { readonly optional?: boolean } = {},
): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = options.optional && text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(ErrorCode.bad_request, "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new ApiError(ErrorCode.bad_request, `${where}${issue?.message ?? "invalid body"}`, {
      issues: parsed.error.issues.slice(0, 10),
    });
  }
  return parsed.data;
}

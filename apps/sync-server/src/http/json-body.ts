import type { Context } from "hono";
import type { z } from "zod";
import { ApiError, ApiErrorCode } from "./errors";

/** Reads and validates a JSON body; 400 naming the first bad field, never a thrown parser error. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, ApiErrorCode.BadRequest, "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new ApiError(400, ApiErrorCode.BadRequest, `${where}${issue?.message ?? "invalid body"}`, {
      issues: parsed.error.issues.slice(0, 10),
    });
  }
  return parsed.data;
}

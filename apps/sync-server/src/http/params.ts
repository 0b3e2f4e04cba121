import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "./app-env";
import { ApiError, ErrorCode } from "./errors";

/** The uuid in path parameter `name`, or 404 with `message` (a malformed id names nothing). */
export function uuidParam(c: Context<AppEnv>, name: string, message: string): string {
  const id = c.req.param(name) ?? "";
  if (!z.uuid().safeParse(id).success) throw new ApiError(ErrorCode.not_found, message);
  return id;
}

/** The query of a request parsed with `schema`, or 400 naming the bad parameter. */
export function queryOf<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(ErrorCode.bad_request, `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env";
import { openApiDocument } from "./openapi-document";
import { referencePage } from "./reference-page";

/**
 * The API's documentation, generated from the zod schemas the server validates with:
 * `GET /api/v1/openapi.json` (OpenAPI 3.1) and `GET /api/v1/docs` (a readable reference page).
 */
export function openApiRoutes(deps: Pick<AppDeps, "version">) {
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => c.json(openApiDocument(deps.version)))
    .get("/docs", (c) => c.html(referencePage(openApiDocument(deps.version) as Parameters<typeof referencePage>[0])));
}

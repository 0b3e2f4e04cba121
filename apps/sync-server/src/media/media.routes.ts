import { Hono } from "hono";
import { z } from "zod";
import { callerAs, requireAuth } from "../auth/auth.middleware";
import type { AppDeps, AppEnv } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { readImage, storeImage } from "./media.service";

/** `POST /api/v1/media` (a manager's session): the image's bytes as the body → `{ url, size }`. */
export function mediaUploadRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post("/", requireAuth(deps, ["manager"]), async (c) => {
    const { tenantId } = callerAs(c, "manager");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await storeImage(deps, tenantId, bytes), 201);
  });
}

/**
 * `GET /media/{tenantId}/{sha256}.{ext}`: a stored image, public like the catalog that shows it.
 * Its name is its content, so it is served immutable for a year: browsers and the PWAs' caches
 * never ask again.
 */
export function mediaFileRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get("/:tenantId/:file", async (c) => {
    const tenantId = c.req.param("tenantId");
    const image = z.uuid().safeParse(tenantId).success ? await readImage(deps, tenantId, c.req.param("file")) : undefined;
    if (!image) throw new ApiError(ErrorCode.not_found, "There is no such picture.");
    return c.body(new Uint8Array(image.bytes), 200, {
      "content-type": image.content_type,
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${c.req.param("file").split(".")[0]}"`,
    });
  });
}

import { createHash } from "node:crypto";
import { withTenant } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { IMAGE_TYPES, MAX_IMAGE_BYTES, sniffImage, type ImageExtension } from "./image-type";
import { findMedia, insertMedia } from "./media.repository";

/** The public path of a stored image: `/media/{tenantId}/{sha256}.{ext}`. */
export function mediaPath(tenantId: string, id: string, extension: ImageExtension): string {
  return `/media/${tenantId}/${id}.${extension}`;
}

/**
 * Stores an image of a shop under the SHA-256 of its bytes and answers its path. The type is read
 * from the bytes; anything but a JPEG, PNG or WebP, or over {@link MAX_IMAGE_BYTES}, is refused
 * with a message that says what to do.
 */
export async function storeImage(deps: Pick<AppDeps, "db">, tenantId: string, bytes: Uint8Array): Promise<{ url: string; size: number }> {
  if (bytes.byteLength === 0) throw new ApiError(ErrorCode.bad_request, "The image is empty.");
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw new ApiError(ErrorCode.payload_too_large, `An image may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB: take a smaller one.`);
  }
  const extension = sniffImage(bytes);
  if (!extension) throw new ApiError(ErrorCode.unsupported_media_type, "That file is not a JPEG, PNG or WebP picture.");
  const id = createHash("sha256").update(bytes).digest("hex");
  await withTenant(deps.db, tenantId, (trx) => insertMedia(trx, tenantId, { id, contentType: IMAGE_TYPES[extension], bytes }));
  return { url: mediaPath(tenantId, id, extension), size: bytes.byteLength };
}

/** A stored image by its file name (`{sha256}.{ext}`), or `undefined`. */
export async function readImage(deps: Pick<AppDeps, "db">, tenantId: string, file: string) {
  const match = /^([0-9a-f]{64})\.(jpg|png|webp)$/.exec(file);
  if (!match) return undefined;
  const row = await withTenant(deps.db, tenantId, (trx) => findMedia(trx, match[1]!));
  return row && row.content_type === IMAGE_TYPES[match[2] as ImageExtension] ? row : undefined;
}

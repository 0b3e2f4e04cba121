/** The image types the store takes, by file extension. */
export const IMAGE_TYPES = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

/** An extension of {@link IMAGE_TYPES}. */
export type ImageExtension = keyof typeof IMAGE_TYPES;

/** The largest image the store takes: the POS resizes photos to at most 1600 px before sending, well under this. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * The image type of `bytes` read from their first bytes (never from what the client claims), or
 * `undefined` when they are not a JPEG, PNG or WebP.
 */
export function sniffImage(bytes: Uint8Array): ImageExtension | undefined {
  const at = (i: number) => bytes[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "jpg";
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return "png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return undefined;
}

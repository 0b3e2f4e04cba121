/** The longest side of a product photo after resizing: sharp on a tablet, small enough to sync. */
export const MAX_IMAGE_SIDE = 1600;

/** The largest photo file the till takes before resizing (a phone camera's full-size JPEG fits). */
export const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

/**
 * Resizes a photo in the browser (the server stores what it is sent, and a tablet's camera takes
 * 12-megapixel pictures): at most {@link MAX_IMAGE_SIDE} px on its longest side, as a JPEG. Throws a
 * message for people when the file is not a picture or far too big.
 */
export async function resizeImage(file: Blob): Promise<Blob> {
  if (!file.type.startsWith("image/")) throw new Error("That file is not a picture: choose a JPEG, PNG or WebP photo.");
  if (file.size > MAX_SOURCE_BYTES) throw new Error("That photo is over 25 MB: choose a smaller one.");
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error("That picture can't be read: choose a JPEG, PNG or WebP photo.");
  }
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser can't resize pictures.");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The picture could not be resized."))), "image/jpeg", 0.85),
  );
}

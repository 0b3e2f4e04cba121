import { SyncHttpError } from "@countertop/replica";
import type { LocalDatabase } from "../data/local-db";

const EXTENSION: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** The SHA-256 of some bytes, hex: the name the server gives an image. */
async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Keeps a (resized) image on the till until the server has it, and answers the URL the server will
 * serve it at — known now, because the server names images by their SHA-256. A product can point
 * at it at once, online or not; the image goes out with the next drain of the manager outbox.
 */
export async function queueImage(local: LocalDatabase, tenantId: string, blob: Blob, now = new Date()): Promise<string> {
  const extension = EXTENSION[blob.type];
  if (!extension) throw new Error("That file is not a JPEG, PNG or WebP picture.");
  const id = await sha256Hex(blob);
  const url = `/media/${tenantId}/${id}.${extension}`;
  await local.pendingUploads.put({ id, url, blob, createdAt: now.toISOString() });
  return url;
}

/** Sends an image with a token; the page's `fetch` in the app, a stand-in in tests. */
export type SendImage = (token: string, blob: Blob) => Promise<{ url: string }>;

const sendImage: SendImage = async (token, blob) => {
  const response = await fetch("/api/v1/media", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": blob.type },
    body: blob,
  });
  const body = (await response.json().catch(() => undefined)) as { url?: string; error?: { message: string } } | undefined;
  if (!response.ok)
    throw new SyncHttpError({ method: "POST", url: "/api/v1/media", status: response.status, serverMessage: body?.error?.message });
  return { url: body?.url ?? "" };
};

/**
 * Uploads every waiting image with the manager's session, oldest first. One the server refuses
 * (too big, not a picture) keeps its message for the manager; a network failure leaves the rest
 * for the next drain. Returns whether the session has ended.
 */
export async function uploadPendingImages(local: LocalDatabase, token: string, send: SendImage = sendImage): Promise<{ signIn: boolean }> {
  for (const upload of await local.pendingUploads.orderBy("createdAt").toArray()) {
    try {
      await send(token, upload.blob);
      await local.pendingUploads.delete(upload.id);
    } catch (error) {
      if (error instanceof SyncHttpError && error.status === 401) return { signIn: true };
      if (!(error instanceof SyncHttpError)) return { signIn: false };
      await local.pendingUploads.update(upload.id, {
        lastError: error.serverMessage ?? `The server did not take this picture (${error.status}).`,
      });
    }
  }
  return { signIn: false };
}

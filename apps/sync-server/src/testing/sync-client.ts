import { expect } from "vitest";
import type { CollectionDocument, CollectionName } from "@countertop/sync-protocol";
import type { TestServer } from "./test-app";

/** Pulls a whole collection page by page; returns the documents (as the server sent them) and the final checkpoint. */
export async function pullAll<N extends CollectionName>(server: TestServer, token: string, collection: N, limit = 25) {
  const docs: CollectionDocument<N>[] = [];
  let seq: string | undefined;
  for (;;) {
    const res = await server.call("GET", `/sync/v1/${collection}/pull?limit=${limit}${seq ? `&seq=${seq}` : ""}`, { token });
    expect(res.status).toBe(200);
    docs.push(...res.body.documents);
    if (res.body.documents.length === 0) return { docs, seq: res.body.checkpoint.seq as string };
    seq = res.body.checkpoint.seq;
  }
}

/** Reads Server-Sent Events' data payloads from a streaming response. */
export function sseReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(): Promise<unknown> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split("\n")
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).trim())
            .join("\n");
          if (data) return JSON.parse(data);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

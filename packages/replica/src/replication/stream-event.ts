import { RESYNC, clientStreamEventSchema } from "@countertop/sync-protocol/client";
import type { StreamEvent } from "@countertop/sync-protocol";
import type { SseMessage } from "./sse-parser.ts";

/**
 * Turns the data of one stream event into what RxDB's `pull.stream$` takes. An event this client
 * can't read becomes `"RESYNC"`, so a pull from the checkpoint fetches whatever it carried; the
 * reason goes to `onInvalid`.
 */
export function toStreamEvent(message: SseMessage, onInvalid: (error: Error) => void): StreamEvent {
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch {
    onInvalid(new Error(`stream event is not JSON: ${message.data.slice(0, 100)}`));
    return RESYNC;
  }
  const parsed = clientStreamEventSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  onInvalid(new Error(`stream event is neither "RESYNC" nor {documents, checkpoint}: ${parsed.error.message}`));
  return RESYNC;
}

/** A live stream read over real HTTP, for process tests, the chaos run and the stream bench. */
export interface SseClient {
  /** Everything received so far, as sent. */
  text(): string;
  /** Data events received so far (each event's `data:` line). */
  readonly events: string[];
  /** Resolves once an event satisfies `test` (looking at earlier ones too); rejects after `timeoutMs`. */
  waitFor(test: (data: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves when the server ends the stream (or the connection drops). */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * Opens `GET url` as Server-Sent Events with `token`, and resolves once the response headers are in
 * (rejects on a non-2xx answer). `onEvent` hears each data event as it arrives.
 */
export async function openSse(url: string, token: string, onEvent?: (data: string) => void): Promise<SseClient> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" }, signal: controller.signal });
  if (!res.ok || !res.body) throw new Error(`GET ${url} → ${res.status} ${await res.text()}`);
  const events: string[] = [];
  const waiters = new Set<() => void>();
  let raw = "";
  let buffer = "";
  let finished = false;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        raw += value;
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split("\n")
            .filter((line) => line.startsWith("data: "))
            .map((line) => line.slice(6))
            .join("\n");
          if (!data) continue;
          events.push(data);
          onEvent?.(data);
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      // aborted, or the connection dropped: the stream has ended either way
    } finally {
      finished = true;
      for (const wake of [...waiters]) wake();
    }
  })();
  return {
    text: () => raw,
    events,
    ended,
    close: () => controller.abort(),
    waitFor(test, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(test);
          if (hit !== undefined || finished) {
            waiters.delete(check);
            clearTimeout(timer);
            if (hit !== undefined) resolve(hit);
            else reject(new Error(`the stream ended before the awaited event; got: ${raw.slice(-500)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no awaited event within ${timeoutMs} ms; got: ${raw.slice(-500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/**
 * The clients of `bench:streams`, in a process of their own so that their memory and CPU stay out
 * of the server's figures. Told over IPC which streams to open, it holds them, and answers when
 * every stream has received its n-th event, with the time each one did.
 */
import { request, type IncomingMessage } from "node:http";

type FromBench = { type: "open"; url: string; tokens: string[] } | { type: "await"; event: number } | { type: "close" };
export type FromClients = { type: "opened"; streams: number } | { type: "arrived"; at: number[] } | { type: "failed"; message: string };

const send = (message: FromClients) => process.send!(message);
const now = () => performance.timeOrigin + performance.now();

/** Per stream: when each data event other than RESYNC arrived (wall clock, ms with fractions). */
const arrivals: number[][] = [];
const responses: IncomingMessage[] = [];
let wake = () => {};

function open(url: string, token: string, index: number): Promise<void> {
  arrivals[index] = [];
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream ${index}: ${res.statusCode}`));
      responses.push(res);
      let buffer = "";
      let opened = false;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith("data: ")) continue; // a heartbeat
          if (block === 'data: "RESYNC"') {
            if (!opened) resolve();
            opened = true;
            continue;
          }
          arrivals[index]!.push(now());
          wake();
        }
      });
      res.on("error", () => undefined);
    });
    req.on("error", reject);
    req.end();
  });
}

process.on("message", (message: FromBench) => {
  void (async () => {
    if (message.type === "open") {
      // In batches: a burst of thousands of connects at once would measure the kernel's backlog.
      for (let i = 0; i < message.tokens.length; i += 100) {
        await Promise.all(message.tokens.slice(i, i + 100).map((token, j) => open(message.url, token, i + j)));
      }
      send({ type: "opened", streams: arrivals.length });
    } else if (message.type === "await") {
      const ready = () => arrivals.every((a) => a.length >= message.event);
      while (!ready()) await new Promise<void>((resolve) => (wake = resolve));
      send({ type: "arrived", at: arrivals.map((a) => a[message.event - 1]!) });
    } else {
      for (const res of responses) res.destroy();
      process.exit(0);
    }
  })().catch((error: unknown) => send({ type: "failed", message: error instanceof Error ? error.message : String(error) }));
});

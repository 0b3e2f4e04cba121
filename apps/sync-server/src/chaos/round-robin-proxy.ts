import { connect, createServer, type Socket } from "node:net";

/** A TCP load balancer on loopback, as a shop would put in front of several server processes. */
export interface RoundRobinProxy {
  readonly port: number;
  /** Connections handed to a backend, and connections refused because no backend answered. */
  readonly stats: { connections: number; refused: number };
  close(): Promise<void>;
}

/**
 * Hands each new connection to the next of `backends` (ports on 127.0.0.1) in turn; a backend that
 * refuses the connection (its process is dead or restarting) is skipped for the next one, as a load
 * balancer's health check would. A connection whose backend dies drops, like a real one.
 */
export async function startRoundRobinProxy(backends: () => readonly number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const stats = { connections: 0, refused: 0 };
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    client.pause();
    const ports = backends();
    const tryBackend = (tries: number) => {
      if (tries >= ports.length) {
        stats.refused++;
        client.destroy();
        return;
      }
      const upstream = connect(ports[next++ % ports.length]!, "127.0.0.1");
      let connected = false;
      upstream.on("error", () => (connected ? client.destroy() : tryBackend(tries + 1)));
      upstream.once("connect", () => {
        connected = true;
        stats.connections++;
        open.add(upstream);
        upstream.on("close", () => {
          open.delete(upstream);
          client.destroy();
        });
        client.on("close", () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the proxy has no port");
  return {
    port: address.port,
    stats,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

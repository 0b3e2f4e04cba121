import { createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** The path every host of this server answers with its proof: the console's domain check fetches it. */
export const DOMAIN_CHECK_PATH = "/.well-known/countertop-domain";

/** What this server answers at {@link DOMAIN_CHECK_PATH} for a host: a keyed hash only a server holding the platform's secret can make. */
export function domainProof(secret: string, host: string): string {
  return createHmac("sha256", secret).update(`domain-check:${host}`).digest("base64url");
}

/** Fetches a path from a host name: `{ status, body }`, or throws when the host cannot be reached. */
export type DomainProbe = (host: string, path: string) => Promise<{ status: number; body: string }>;

/**
 * The probe the server uses: `GET http(s)://{host}{path}` — or, with `via` (`DOMAIN_CHECK_VIA`,
 * `address:port`), the same request sent to that address with `Host: {host}`, as a load balancer
 * in front of several servers would see it (and as tests reach a host with no DNS).
 */
export function networkProbe(via: string | undefined, timeoutMs = 5000): DomainProbe {
  const get = (secure: boolean, target: { hostname: string; port?: number }, host: string, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(
        { ...target, path, method: "GET", headers: { host, accept: "application/json" }, timeout: timeoutMs },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body.length < 10_000 ? (body += chunk) : undefined));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("timeout", () => req.destroy(new Error(`no answer from ${host} within ${timeoutMs / 1000} s`)));
      req.on("error", reject);
      req.end();
    });
  return async (host, path) => {
    if (via) {
      const [hostname = "127.0.0.1", port] = via.split(":");
      return get(false, { hostname, port: Number(port ?? 80) }, host, path);
    }
    try {
      return await get(true, { hostname: host }, host, path);
    } catch {
      return get(false, { hostname: host }, host, path);
    }
  };
}

/** Whether a probe's answer is this server's proof for `host`; otherwise why not, for the owner. */
export function judgeProbe(answer: { status: number; body: string }, expected: string): string | undefined {
  if (answer.status !== 200)
    return `The host answered ${answer.status}: it does not reach this server yet. Point its DNS at this server and try again.`;
  try {
    const proof = (JSON.parse(answer.body) as { proof?: unknown }).proof;
    return proof === expected ? undefined : "The host answered, but from another server. Point its DNS at this server and try again.";
  } catch {
    return "The host answered with something that is not this server. Point its DNS at this server and try again.";
  }
}

/** A server answer read by scripts (chaos, benchmarks) that check the fields they use. */
export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked where used

/** A document as it crossed the wire, read loosely by tests that check the fields they use. */
export type WireDoc = Record<string, unknown>;

/** A JSON call to a running server over real HTTP; throws with the status and body unless 2xx. */
export async function callServer(baseUrl: string, method: string, url: string, token?: string, body?: unknown): Promise<Json> {
  const res = await fetch(baseUrl + url, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed: Json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(parsed).slice(0, 300)}`);
  return parsed;
}

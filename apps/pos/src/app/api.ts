/** A failed API call, with the server's message when it sent one. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's `error.details` (e.g. the shops to choose from on a 409 at sign-in). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Calls the server's REST API with JSON; throws {@link ApiCallError} with a message a person can act on. */
export async function apiJson<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { "content-type": "application/json", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiCallError(0, "offline", "Can't reach the server. Check the network and try again.");
  }
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code: string; message: string; details?: unknown } } | undefined;
  if (!response.ok)
    throw new ApiCallError(
      response.status,
      body?.error?.code ?? "error",
      body?.error?.message ?? `The server answered ${response.status}.`,
      body?.error?.details,
    );
  return body as T;
}

/** A failed call to the server, with its message for people and its code for the screen. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Called when the server says the session has ended (401): the app goes back to sign-in. */
let onSignedOut: (() => void) | undefined;

/** Registers what to do when the session ends. */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

let currentToken: string | undefined;

/** The session token every call sends (set at sign-in, cleared at sign-out). */
export function setToken(token: string | undefined): void {
  currentToken = token;
}

/**
 * Calls the server's REST API with JSON and the session's token; throws {@link ApiError} with a
 * message a person can act on (the server's own, or one for a lost connection).
 */
export async function api<T>(method: "GET" | "POST" | "PUT" | "DELETE", url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(currentToken ? { authorization: `Bearer ${currentToken}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, "offline", "Can't reach the server. Check the connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => undefined)) as
    { error?: { code: string; message: string; details?: unknown } } | undefined;
  if (!response.ok) {
    if (response.status === 401 && currentToken) onSignedOut?.();
    throw new ApiError(
      response.status,
      parsed?.error?.code ?? "error",
      parsed?.error?.message ?? `The server answered ${response.status}.`,
      parsed?.error?.details,
    );
  }
  return parsed as T;
}

/** A message for an error of any kind. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong. Try again.";
}

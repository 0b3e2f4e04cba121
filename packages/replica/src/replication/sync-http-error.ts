/**
 * Statuses that retrying won't fix until something changes on the client: a new token (401), a
 * tenant that is activated again or a token with the right scope (403), an app update (426).
 */
export const FATAL_STATUSES: ReadonlySet<number> = new Set([401, 403, 426]);

/** What a failed `/sync` call carries besides its message. */
export interface SyncHttpErrorInit {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** The server's `error.code` (`unauthorized`, `tenant_suspended`, …) when it sent one. */
  readonly code?: string | undefined;
  /** The server's `error.message`, or the start of a body that wasn't the JSON error shape. */
  readonly serverMessage?: string | undefined;
  readonly details?: unknown;
}

/**
 * A `/sync` call that got no 2xx answer. RxDB retries the handler that threw it; `fatal` says
 * whether retrying can help (see {@link FATAL_STATUSES}).
 * @example
 * if (error instanceof SyncHttpError && error.status === 426) promptUpdate();
 */
export class SyncHttpError extends Error {
  override readonly name = "SyncHttpError";
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly serverMessage: string | undefined;
  readonly details: unknown;

  constructor(init: SyncHttpErrorInit) {
    const reason = [init.code, init.serverMessage].filter(Boolean).join(": ");
    super(`${init.method} ${init.url} answered ${init.status}${reason ? ` (${reason})` : ""}`);
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.code = init.code;
    this.serverMessage = init.serverMessage;
    this.details = init.details;
  }

  /** True for 401, 403 and 426: retrying won't help until the token or the app changes. */
  get fatal(): boolean {
    return FATAL_STATUSES.has(this.status);
  }
}

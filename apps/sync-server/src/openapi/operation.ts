import type { z } from "zod";

/** Who may call an operation (its bearer token's kind); none = anyone. */
export type Caller = "owner" | "manager" | "device" | "shopper";

/**
 * One documented operation of the HTTP API: the zod schemas the server validates it with, and
 * examples that the OpenAPI test checks against them.
 */
export interface Operation {
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI form: `/api/v1/admin/tenants/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly callers?: readonly Caller[];
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly bodyExample?: unknown;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  readonly headers?: readonly { readonly name: string; readonly description: string; readonly required: boolean }[];
  readonly response: {
    readonly status: number;
    readonly description: string;
    readonly schema?: z.ZodType;
    readonly example?: unknown;
    /** Default `application/json`. */
    readonly contentType?: string;
    /** Headers the answer carries, each a string. */
    readonly headers?: readonly { readonly name: string; readonly description: string }[];
  };
  /** The error statuses worth naming (each answers `ErrorResponse`). */
  readonly errors?: readonly number[];
  /** Path parameters with a closed set of values, e.g. the collection names. */
  readonly pathEnums?: Readonly<Record<string, readonly string[]>>;
}

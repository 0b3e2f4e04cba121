import {
  collectionSchemas,
  errorResponseSchema,
  looseStreamEventSchema,
  loosePullResponseSchema,
  loosePushDetailResponseSchema,
  loosePushRequestSchema,
  PROTOCOL_VERSION,
} from "@countertop/sync-protocol";
import { z } from "zod";
import { ADMIN_OPERATIONS } from "./admin.operations";
import { AUTH_OPERATIONS } from "./auth.operations";
import { MANAGER_OPERATIONS } from "./manager.operations";
import type { Operation } from "./operation";
import { SHOP_OPERATIONS } from "./shop.operations";
import { SYNC_OPERATIONS } from "./sync.operations";

/** This documentation itself. */
const REFERENCE_OPERATIONS: readonly Operation[] = [
  {
    method: "get",
    path: "/api/v1/openapi.json",
    tag: "Reference",
    summary: "This OpenAPI 3.1 document",
    response: { status: 200, description: "The document", contentType: "application/json" },
  },
  {
    method: "get",
    path: "/api/v1/docs",
    tag: "Reference",
    summary: "This reference, as a page",
    response: { status: 200, description: "The page", contentType: "text/html" },
  },
];

/** Every documented operation, in the order the reference page shows them. */
export const OPERATIONS: readonly Operation[] = [
  ...AUTH_OPERATIONS,
  ...MANAGER_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...SHOP_OPERATIONS,
  ...SYNC_OPERATIONS,
  ...REFERENCE_OPERATIONS,
];

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a request (`input`) or an answer (`output`) reads it. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const pascal = (name: string) => name.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The tags of the reference, with what each is about. */
const TAGS = [
  {
    name: "Sign-in",
    description: "Sessions for the platform owner and shop managers, and emailed single-use links (password resets, invitations).",
  },
  {
    name: "Shops",
    description: "The platform owner's shops: the table, creating, a shop's page, its plan, standing, domain, export and closing.",
  },
  { name: "Plans", description: "Plans with their limits (tills, locations, staff, products) and modules, and the platform's owners." },
  { name: "Audit log", description: "Every owner action and every shop action that matters; append-only." },
  { name: "Platform", description: "Cross-shop figures and the server's health." },
  { name: "Tills", description: "What a manager's session and a till do over REST: tills, their sync status, people." },
  { name: "Catalog", description: "The catalog as CSV (import with a check first, export) and product images." },
  { name: "Reports", description: "Sales and report figures beyond a till's 90-day window." },
  { name: "Storefront", description: "A shop's public storefront: sessions, shopper accounts, checkout." },
  {
    name: "Sync",
    description: `The sync contract /sync/v1 (protocol ${PROTOCOL_VERSION}): RxDB replication over HTTP and Server-Sent Events. Every collection's document schema is under components: ${Object.keys(
      collectionSchemas,
    )
      .map((c) => `\`${c}\` → ${pascal(c)}`)
      .join(", ")}.`,
  },
  { name: "Reference", description: "This documentation, generated from the zod schemas the server validates with." },
];

function parameters(op: Operation): JsonSchema[] {
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const path = inPath.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: op.pathEnums?.[name] ? { type: "string", enum: [...op.pathEnums[name]] } : { type: "string" },
  }));
  const shape = op.query?.shape ?? {};
  const query = Object.entries(shape).map(([name, field]) => ({
    name,
    in: "query",
    required: !(field as z.ZodType).safeParse(undefined).success,
    schema: jsonSchema(field as z.ZodType, "input"),
    ...((field as z.ZodType).description ? { description: (field as z.ZodType).description } : {}),
  }));
  const headers = (op.headers ?? []).map((h) => ({
    name: h.name,
    in: "header",
    required: h.required,
    description: h.description,
    schema: { type: "string" },
  }));
  return [...path, ...query, ...headers];
}

function operationObject(op: Operation): JsonSchema {
  const { response } = op;
  const content = response.schema
    ? {
        [response.contentType ?? "application/json"]: {
          schema: jsonSchema(response.schema, "output"),
          ...(response.example === undefined ? {} : { example: response.example }),
        },
      }
    : response.contentType
      ? { [response.contentType]: {} }
      : undefined;
  const errors = Object.fromEntries((op.errors ?? []).map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]));
  return {
    operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: op.callers ? [{ bearer: [] }] : [],
    ...(op.callers ? { "x-callers": op.callers } : {}),
    parameters: parameters(op),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: jsonSchema(op.body, "input"),
                ...(op.bodyExample === undefined ? {} : { example: op.bodyExample }),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(response.status)]: {
        description: response.description,
        ...(response.headers
          ? {
              headers: Object.fromEntries(
                response.headers.map((h) => [h.name, { description: h.description, schema: { type: "string" } }]),
              ),
            }
          : {}),
        ...(content ? { content } : {}),
      },
      ...errors,
    },
  };
}

const ERROR_TEXT: Record<number, string> = {
  400: "The request is malformed: the message names the field",
  401: "Not signed in, or the session ended",
  402: "The shop's plan allows no more (`plan_limit`), or the card was declined",
  403: "Not this caller's to do (`forbidden`, `tenant_suspended`, `module_disabled`)",
  404: "No such thing",
  409: "Conflicts with what exists",
  413: "The body is too large",
  415: "Not a kind of file the server takes (`unsupported_media_type`)",
  422: "An Idempotency-Key reused with another body",
  426: "A protocol version this server does not speak",
  429: "Too many requests: the message says when to try again",
  503: "The database or the payment service is away for a moment (`unavailable`): the same request again is safe",
};

let cached: JsonSchema | undefined;

/**
 * The OpenAPI 3.1 document of `/api/v1` and `/sync/v1`, generated from the zod schemas the server
 * validates with (`z.toJSONSchema`), with every replicated collection's document schema.
 */
export function openApiDocument(version: string): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Countertop API",
      version,
      description:
        'The REST API (`/api/v1`) and the sync contract (`/sync/v1`) of a Countertop server. Every error answers `{ "error": { "code", "message" } }`. Send `Authorization: Bearer <token>`: a session from sign-in, a till\'s device token, or a shopper token.',
    },
    servers: [{ url: "/" }],
    tags: TAGS,
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([status, text]) => [
          `Error${status}`,
          { description: text, content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } } },
        ]),
      ),
      schemas: {
        ErrorResponse: jsonSchema(errorResponseSchema, "output"),
        PullResponse: jsonSchema(loosePullResponseSchema, "output"),
        PushRequest: jsonSchema(loosePushRequestSchema, "input"),
        PushDetailResponse: jsonSchema(loosePushDetailResponseSchema, "output"),
        StreamEvent: jsonSchema(looseStreamEventSchema, "output"),
        ...Object.fromEntries(Object.entries(collectionSchemas).map(([name, schema]) => [pascal(name), jsonSchema(schema, "input")])),
      },
    },
  };
  return cached;
}

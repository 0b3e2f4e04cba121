import { z } from "zod";
import {
  COLLECTIONS,
  loosePullResponseSchema,
  loosePushDetailResponseSchema,
  loosePushRequestSchema,
  PULL_PAGE_HEADERS,
  pullQuerySchema,
} from "@countertop/sync-protocol";
import { EX } from "./examples";
import type { Operation } from "./operation";

const collection = { collection: COLLECTIONS };
const callers = ["device", "manager", "shopper"] as const;
const STATUS_HEADERS = [
  {
    name: "x-countertop-protocol",
    description: "The protocol version the client speaks (2; 1 is still served). Others get 426.",
    required: false,
  },
  { name: "x-countertop-last-sync", description: "A till's report: when its last sync went through (ISO 8601).", required: false },
  {
    name: "x-countertop-pending",
    description: "A till's report: documents waiting per collection, e.g. sales=3,shifts=1.",
    required: false,
  },
  { name: "x-countertop-app-version", description: "A till's report: its app version, e.g. 0.1.0+a1b2c3d.", required: false },
] as const;

/** The sync contract `/sync/v1`: RxDB replication over HTTP and Server-Sent Events, per collection. */
export const SYNC_OPERATIONS: readonly Operation[] = [
  {
    method: "get",
    path: "/sync/v1/{collection}/pull",
    tag: "Sync",
    summary: "Documents changed after a checkpoint, in `seq` order",
    description:
      "No `seq` = from the start. Echoes the checkpoint when there is nothing new. Each collection's documents are the schemas under components (`products` → Product, …); a caller sees only what it may (a shopper: the public catalog and their own orders and profile).",
    callers,
    query: pullQuerySchema,
    headers: STATUS_HEADERS,
    pathEnums: collection,
    response: {
      status: 200,
      description: "A page of documents and the checkpoint after it",
      headers: [
        {
          name: PULL_PAGE_HEADERS.seq,
          description: "The page's checkpoint `seq`, as in the body: a client may ask for the next page before it reads this one.",
        },
        { name: PULL_PAGE_HEADERS.documents, description: "How many documents the page holds (fewer than `limit`: the last page)." },
        {
          name: PULL_PAGE_HEADERS.followingSeq,
          description:
            "Where the page after this one ends, as a `seq`; sent only when this page and that one are both full: a client may ask for the page after next at once.",
        },
        {
          name: PULL_PAGE_HEADERS.total,
          description:
            "How many documents the pull brings, this page's and every one after it, as counted when the page was read; sent only on a till's page from the start (no `seq`): its first sync's progress.",
        },
      ],
      schema: loosePullResponseSchema,
      example: { documents: [{ id: "standard-mug", _deleted: false }], checkpoint: { seq: "1042" } },
    },
    errors: [400, 401, 403, 404, 426],
  },
  {
    method: "post",
    path: "/sync/v1/{collection}/push",
    tag: "Sync",
    summary: "Push changed documents; answers the server's documents that conflict",
    description:
      "One transaction per push; each row is decided on its own (the Authority table: who may write what). A refused row is answered like a conflict; with `x-countertop-detail: 1` the answer is `{ conflicts, refused: [{ id, code, message }] }` (codes include `forbidden`, `plan_limit`, `module_disabled`). Sales are never refused. 400/413 only for a body that does not parse or is too large.",
    callers,
    headers: [{ name: "x-countertop-detail", description: "1 for the detailed answer", required: false }, ...STATUS_HEADERS],
    pathEnums: collection,
    body: loosePushRequestSchema,
    bodyExample: [{ newDocumentState: { id: EX.saleId, _deleted: false } }],
    response: {
      status: 200,
      description: "The conflicts (bare array), or the detailed answer",
      schema: loosePushDetailResponseSchema,
      example: {
        conflicts: [],
        refused: [{ id: "p-1", code: "plan_limit", message: "The Starter plan allows 250 products and this shop has 250." }],
      },
    },
    errors: [400, 401, 403, 404, 413, 426],
  },
  {
    method: "get",
    path: "/sync/v1/{collection}/stream",
    tag: "Sync",
    summary: "Live changes as Server-Sent Events",
    description:
      'Each event\'s data is `{ documents, checkpoint }` or `"RESYNC"` (always first after a connect). A heartbeat comment every 15 s. Capped per caller and per shop (429).',
    callers,
    headers: STATUS_HEADERS,
    pathEnums: collection,
    response: { status: 200, description: "An event stream", contentType: "text/event-stream" },
    errors: [401, 403, 404, 426, 429],
  },
  {
    method: "get",
    path: "/sync/v1/stream",
    tag: "Sync",
    summary: "Live changes of several collections on one connection (Server-Sent Events)",
    description:
      'Name the collections with `?collections=products,sales,…`. Each event\'s data is `{ collection, documents, checkpoint }` or `"RESYNC"` (always first after a connect). One connection per tab instead of one per collection; capped per caller and per shop (429).',
    callers,
    headers: STATUS_HEADERS,
    query: z.object({ collections: z.string().describe("Comma-separated collection names") }),
    response: { status: 200, description: "An event stream", contentType: "text/event-stream" },
    errors: [400, 401, 403, 404, 426, 429],
  },
];

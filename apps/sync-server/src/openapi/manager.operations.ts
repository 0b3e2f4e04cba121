import { z } from "zod";
import { importQuery } from "../catalog/catalog.routes";
import { renameTillSchema } from "../devices/device.schema";
import { reportRangeSchema } from "../sales/sales.routes";
import { personSchema } from "../staff/staff.schema";
import { EX } from "./examples";
import type { Operation } from "./operation";

const TILL = {
  id: EX.deviceId,
  name: "Counter",
  locationId: "main",
  revokedAt: null,
  lastSeenAt: EX.time,
  lastSyncAt: EX.time,
  pending: { sales: 3 },
  pendingTotal: 3,
  appVersion: "0.1.0+a1b2c3d",
  connected: true,
};

/** What a shop's manager (and, where said, its tills) does over REST beside sync: tills, people, the catalog as CSV, images, older sales and reports. */
export const MANAGER_OPERATIONS: readonly Operation[] = [
  {
    method: "patch",
    path: "/api/v1/devices/{id}",
    tag: "Tills",
    summary: "Rename a till",
    description: "The name shows on its receipts and in every till's settings. 404 for a revoked or unknown till.",
    callers: ["manager"],
    body: renameTillSchema,
    bodyExample: { name: "Café counter" },
    response: { status: 204, description: "Renamed" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/tills/status",
    tag: "Tills",
    summary: "Every till of the shop with its last reported sync status",
    description:
      "Whether each till's figures are complete: its last successful sync, documents still waiting per collection, its app version, and whether it holds a live stream now.",
    callers: ["manager", "device"],
    response: { status: 200, description: "The shop's tills", example: { tills: [TILL], at: EX.time } },
    errors: [401, 403],
  },
  {
    method: "get",
    path: "/api/v1/admin/tenants/{id}/tills",
    tag: "Tills",
    summary: "A shop's tills with their sync status, for the platform owner",
    callers: ["owner"],
    response: { status: 200, description: "The shop's tills", example: { tills: [TILL], at: EX.time } },
    errors: [401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/staff",
    tag: "Tills",
    summary: "Add a cashier or a manager",
    description:
      "The PIN is hashed by the server (cashier 4–8 digits, manager 6–8). A manager may also get an email and password to sign in with. Counts against the plan's people.",
    callers: ["manager"],
    body: personSchema,
    bodyExample: { name: "Jo Lindqvist", role: "cashier", pin: "4821" },
    response: { status: 201, description: "Added" },
    errors: [400, 401, 402, 403, 409],
  },
  {
    method: "get",
    path: "/api/v1/sales/by-number/{number}",
    tag: "Reports",
    summary: "A sale by its receipt number, beyond the till's 90-day window",
    description: "For refunding an old receipt. 404 when the shop has no such sale.",
    callers: ["manager", "device"],
    response: { status: 200, description: "The sale" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/reports/facts",
    tag: "Reports",
    summary: "Report figures per hour and per product and day for a range of the shop's days",
    description: "At most a year per request; days in the shop's time zone.",
    callers: ["manager", "device"],
    query: reportRangeSchema,
    response: { status: 200, description: "The range's figures" },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/media",
    tag: "Catalog",
    summary: "Upload a product image (its bytes as the body)",
    description:
      "JPEG, PNG or WebP, checked by its bytes; named by its SHA-256, so the same image uploaded twice is one. 415 for anything else, 413 past the size limit.",
    callers: ["manager"],
    response: {
      status: 201,
      description: "Stored",
      schema: z.object({ url: z.string(), size: z.number() }),
      example: { url: `/media/${EX.tenantId}/${"0".repeat(64)}.webp`, size: 48213 },
    },
    errors: [401, 403, 413, 415],
  },
  {
    method: "post",
    path: "/api/v1/catalog/import",
    tag: "Catalog",
    summary: "Import the catalog from CSV (the body), or check it first with dryRun=1",
    description: "Answers what it did (or would do) and every refused row with its reason. The CSV format is in the README.",
    callers: ["manager"],
    query: importQuery,
    response: { status: 200, description: "What the import did" },
    errors: [400, 401, 402, 403, 413],
  },
  {
    method: "get",
    path: "/api/v1/catalog/export",
    tag: "Catalog",
    summary: "The catalog as CSV",
    callers: ["manager"],
    response: { status: 200, description: "The catalog", contentType: "text/csv" },
    errors: [401, 403],
  },
];

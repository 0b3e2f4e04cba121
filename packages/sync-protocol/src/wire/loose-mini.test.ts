import { describe, expect, it } from "vitest";
import {
  clientPullResponseSchema,
  clientPushDetailResponseSchema,
  clientPushResponseSchema,
  clientMultiStreamEventSchema,
  clientStreamEventSchema,
} from "./loose-mini.ts";
import { loosePullResponseSchema } from "./pull-response.ts";
import { loosePushDetailResponseSchema, loosePushResponseSchema } from "./push-response.ts";
import { looseMultiStreamEventSchema, looseStreamEventSchema } from "./stream-event.ts";

const doc = { id: "p1", _deleted: false, name: "Club-Mate" };
const inputs: unknown[] = [
  { documents: [doc], checkpoint: { seq: "42" } },
  { documents: [], checkpoint: { seq: "0" } },
  { documents: [doc], checkpoint: { seq: "042" } },
  { documents: [doc], checkpoint: { seq: "9223372036854775808" } },
  { conflicts: [doc], refused: [{ id: "p1", code: "forbidden", message: "no" }] },
  { conflicts: [], refused: [] },
  { conflicts: [doc], refused: [{ id: "p1", code: "forbidden" }] },
  { conflicts: [doc] },
  { documents: [doc], checkpoint: { seq: 42 } },
  { documents: [{ id: "", _deleted: false }], checkpoint: { seq: "1" } },
  { documents: [{ id: "x".repeat(101), _deleted: false }], checkpoint: { seq: "1" } },
  { documents: [{ id: "p1" }], checkpoint: { seq: "1" } },
  { documents: [{ id: "x".repeat(100), _deleted: true }], checkpoint: { seq: "1" } },
  { documents: [null], checkpoint: { seq: "1" } },
  { documents: [["p1"]], checkpoint: { seq: "1" } },
  { documents: ["p1"], checkpoint: { seq: "1" } },
  [{ id: "p1", _deleted: "false" }],
  { documents: Array.from({ length: 1001 }, (_, i) => ({ id: `d${i}`, _deleted: false })), checkpoint: { seq: "1" } },
  [doc],
  [],
  Array.from({ length: 501 }, (_, i) => ({ id: `d${i}`, _deleted: true })),
  [{ id: 7, _deleted: false }],
  { collection: "sales", documents: [doc], checkpoint: { seq: "42" } },
  { collection: "", documents: [doc], checkpoint: { seq: "42" } },
  { collection: "sales", documents: [{ id: "p1" }], checkpoint: { seq: "42" } },
  { collection: "sales", documents: [doc] },
  "RESYNC",
  "resync",
  null,
  42,
  {},
];

describe("the browser's zod/mini wire checks", () => {
  it("accept and refuse exactly what the full-zod contract schemas do, and keep unknown fields", () => {
    for (const input of inputs) {
      expect(clientPullResponseSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(
        loosePullResponseSchema.safeParse(input).success,
      );
      expect(clientPushResponseSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(
        loosePushResponseSchema.safeParse(input).success,
      );
      expect(clientPushDetailResponseSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(
        loosePushDetailResponseSchema.safeParse(input).success,
      );
      expect(clientStreamEventSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(
        looseStreamEventSchema.safeParse(input).success,
      );
      expect(clientMultiStreamEventSchema.safeParse(input).success, JSON.stringify(input).slice(0, 80)).toBe(
        looseMultiStreamEventSchema.safeParse(input).success,
      );
    }
    expect(clientPullResponseSchema.parse({ documents: [doc], checkpoint: { seq: "1" } }).documents[0]).toEqual(doc);
  });
});

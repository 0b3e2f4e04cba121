/// <reference types="node" />
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { collectionSchemas } from "./collections.ts";
import { PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER, isSupportedProtocolVersion } from "./protocol-version.ts";
import { checkpointSchema } from "./wire/checkpoint.ts";
import { errorResponseSchema } from "./wire/error-response.ts";
import { pullQuerySchema } from "./wire/pull-query.ts";
import { loosePullResponseSchema } from "./wire/pull-response.ts";
import { loosePushRequestSchema } from "./wire/push-request.ts";
import { loosePushResponseSchema } from "./wire/push-response.ts";
import { looseMultiStreamEventSchema, looseStreamEventSchema } from "./wire/stream-event.ts";

/**
 * The contract as last released. When the test below fails, the schemas changed: bump
 * PROTOCOL_VERSION (with a line in its history) and record the version and new hash here together.
 * If only a zod upgrade changed its JSON Schema output, re-record the hash without a bump.
 */
const RECORDED = { version: 2, hash: "b0f8a7bfbdde273bb104b4cf77e5cca9ca71a01adef6ba3a5cc43dc4c2b1fdaf" };

/** JSON with object keys sorted at every depth, so the hash doesn't depend on declaration order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The sha256 of the JSON Schema of every document and wire message. */
function contractHash(): string {
  const schemas: Record<string, z.ZodType> = {
    ...Object.fromEntries(Object.entries(collectionSchemas).map(([name, schema]) => [`document:${name}`, schema])),
    "wire:checkpoint": checkpointSchema,
    "wire:pull-query": pullQuerySchema,
    "wire:pull-response": loosePullResponseSchema,
    "wire:push-request": loosePushRequestSchema,
    "wire:push-response": loosePushResponseSchema,
    "wire:stream-event": looseStreamEventSchema,
    "wire:multi-stream-event": looseMultiStreamEventSchema,
    "wire:error-response": errorResponseSchema,
  };
  const jsonSchemas = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, z.toJSONSchema(schema)]));
  return createHash("sha256").update(stableStringify(jsonSchemas)).digest("hex");
}

describe("PROTOCOL_VERSION", () => {
  it("is recorded with the hash of the schemas it describes", () => {
    const current = { version: PROTOCOL_VERSION, hash: contractHash() };
    const nextVersion = current.version === RECORDED.version ? current.version + 1 : current.version;
    expect(
      current,
      current.hash === RECORDED.hash
        ? "PROTOCOL_VERSION changed but the schemas did not: bump it only with a schema change"
        : "schemas changed: bump PROTOCOL_VERSION and record the new hash " +
            `(RECORDED = { version: ${nextVersion}, hash: "${current.hash}" } in protocol-version.test.ts)`,
    ).toEqual(RECORDED);
  });

  it("hashes independently of key order", () => {
    expect(stableStringify({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableStringify({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});

describe("isSupportedProtocolVersion", () => {
  it("names a lower-case header, as HTTP libraries normalise them", () => {
    expect(PROTOCOL_VERSION_HEADER).toBe(PROTOCOL_VERSION_HEADER.toLowerCase());
  });

  it.each([String(PROTOCOL_VERSION), ` ${PROTOCOL_VERSION} `, String(PROTOCOL_VERSION - 1), undefined, null])("accepts %j", (header) => {
    expect(isSupportedProtocolVersion(header)).toBe(true);
  });

  it.each(["", String(PROTOCOL_VERSION + 1), String(PROTOCOL_VERSION - 2), "1.0", "v1", "abc"])("refuses %j", (header) => {
    expect(isSupportedProtocolVersion(header)).toBe(false);
  });
});

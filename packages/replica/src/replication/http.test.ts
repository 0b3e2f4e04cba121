import { describe, expect, it } from "vitest";
import { sendSyncRequest } from "./http.ts";

describe("sendSyncRequest", () => {
  it("sends the caller's status headers, never in place of the token or the protocol version", async () => {
    let sent: Record<string, string> = {};
    const fetch = async (_url: string, init?: RequestInit) => {
      sent = init?.headers as Record<string, string>;
      return new Response("[]", { status: 200 });
    };
    await sendSyncRequest(
      {
        fetch,
        token: () => "till-token",
        headers: () => ({ "x-countertop-pending": "4", "x-countertop-app": "pos/1", authorization: "Bearer other" }),
      },
      "http://server/sync/v1/sales/pull",
      { method: "GET", accept: "application/json" },
    );
    expect(sent).toMatchObject({
      "x-countertop-pending": "4",
      "x-countertop-app": "pos/1",
      authorization: "Bearer till-token",
      "x-countertop-protocol": "2",
    });
  });
});

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../db/tenant-scope";
import { DEMO, startTestServer, type TestServer } from "../testing/test-app";
import { ENGINES } from "../testing/test-database";

/*
 * Tokens are verified once and remembered (auth/token.ts); what a token's holder may do is still
 * read from the database on every request, so ending a session or disabling a person, or revoking
 * a till, takes effect at the very next request even for a token the process remembers.
 */
describe.each(ENGINES)("remembered tokens on %s", (engine) => {
  let server: TestServer;
  let tenantId: string;

  const login = async () =>
    (await server.call("POST", "/api/v1/auth/login", { body: { email: DEMO.manager.email, password: DEMO.manager.password } })).body as {
      token: string;
      userId: string;
    };
  const devices = (token: string) => server.call("GET", "/api/v1/devices", { token });
  const pull = (token: string) => server.call("GET", "/sync/v1/products/pull?limit=1", { token });

  beforeAll(async () => {
    server = await startTestServer(engine);
    tenantId = (await server.call("POST", "/api/v1/shop/demo/session")).body.tenantId;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a remembered manager token at once after sign-out", async () => {
    const { token } = await login();
    expect((await devices(token)).status).toBe(200);
    expect((await pull(token)).status).toBe(200);
    expect((await server.call("POST", "/api/v1/auth/logout", { token })).status).toBe(204);
    expect((await devices(token)).status).toBe(401);
    expect((await pull(token)).status).toBe(401);
  });

  it("refuses a remembered manager token at once when the manager is disabled, and again once enabled", async () => {
    const { token, userId } = await login();
    expect((await pull(token)).status).toBe(200);
    const setDisabled = (disabled: boolean) =>
      withTenant(server.database.db, tenantId, (trx) =>
        trx
          .updateTable("users")
          .set({ disabled_at: disabled ? sql`now()` : null })
          .where("id", "=", userId)
          .execute(),
      );
    await setDisabled(true);
    expect((await pull(token)).status).toBe(401);
    expect((await devices(token)).status).toBe(401);
    await setDisabled(false);
    expect((await pull(token)).status).toBe(200);
  });

  it("refuses a session that expired while its token is remembered", async () => {
    const { token } = await login();
    expect((await pull(token)).status).toBe(200);
    await withTenant(server.database.db, tenantId, (trx) =>
      trx
        .updateTable("sessions")
        .set({ expires_at: sql`now() - interval '1 second'` })
        .where("revoked_at", "is", null)
        .execute(),
    );
    expect((await pull(token)).status).toBe(401);
  });

  it("refuses a remembered till token at once when the till is revoked (it may still hand in its sales)", async () => {
    const manager = (await login()).token;
    const till = await server.registerTill(manager, "Remembered till");
    expect((await pull(till.token)).status).toBe(200);
    expect((await server.call("DELETE", `/api/v1/devices/${till.id}`, { token: manager })).status).toBeLessThan(300);
    expect((await pull(till.token)).status).toBe(401);
    expect((await server.call("POST", "/sync/v1/sales/push", { token: till.token, body: [] })).status).toBe(200);
  });
});

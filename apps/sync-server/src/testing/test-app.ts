import { once } from "node:events";
import { fixedKeys } from "../auth/signing-keys";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createLogger } from "../http/logger";
import { createApp } from "../app";
import type { AppDeps } from "../http/app-env";
import { createAppOutbox } from "../outbox/app-outbox";
import { defaultPaymentProviders, type PaymentProvider } from "../checkout/payment-provider";
import type { DatabaseKind, OpenDatabase } from "../db/database";
import { DEMO, seedDemo } from "../seed/demo";
import type { Mail, MailTransport } from "../receipts/mail-transport";
import { openChangeFeed, type ChangeFeed } from "../sync/change-feed";
import { openTestDatabase } from "./test-database";

const quiet = createLogger("silent");

/** A whole server (routes, database, change feed) on a fresh seeded database, for `app.request`. */
export interface TestServer {
  readonly app: ReturnType<typeof createApp>;
  /** What the app was built from, for tests that call a service directly. */
  readonly deps: AppDeps;
  readonly database: OpenDatabase;
  readonly changes: ChangeFeed;
  /** Every email the app sent (the mail provider is the one outside service tests stand in for). */
  readonly sentMail: Mail[];
  /** Carries out every due outbox job now (calls through `call` do this before they answer). */
  drainOutbox(): Promise<number>;
  /** A JSON request with an optional bearer token; returns status and parsed body. */
  call(
    method: string,
    url: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read response fields directly
  ): Promise<{ status: number; body: any }>;
  /** Signs in and returns the token. */
  login(email: string, password: string): Promise<string>;
  /** Signs a shopper up at a shop as they would (ask, follow the emailed link); returns their token and profile. */
  signUpShopper(
    input: { name: string; email: string; password: string },
    slug?: string,
  ): Promise<{ token: string; customer: { id: string } }>;
  /** A manager of the demo shop registers a till; returns its id and device token. */
  registerTill(managerToken: string, name?: string): Promise<{ id: string; token: string; locationId: string }>;
  /** Serves the app over real HTTP on a free port; returns its origin. Closed by `close()`. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly seed?: boolean;
  /** Payment providers in place of the defaults (a provider is the outside service tests may stand in for). */
  readonly payments?: (db: OpenDatabase["db"]) => ReadonlyMap<string, PaymentProvider>;
  readonly checkoutHoldMs?: number;
  /** A real transport the emails go through too (they are still listed in `sentMail`). */
  readonly mail?: MailTransport;
  /** Where the built apps are (`{root}/storefront/dist/index.html`, …), for tests of the served pages. */
  readonly staticRoot?: string;
}

export async function startTestServer(engine: DatabaseKind, options: TestServerOptions = {}): Promise<TestServer> {
  const database = await openTestDatabase(engine);
  if (options.seed !== false) await seedDemo(database.db, { now: new Date() });
  const changes = await openChangeFeed(database);
  const sentMail: Mail[] = [];
  const mail: MailTransport = {
    send: async (m) => {
      await options.mail?.send(m);
      sentMail.push(m);
    },
  };
  const payments = (options.payments ?? defaultPaymentProviders)(database.db);
  // Never started (no polling): every call drains it before answering, so a test sees the emails
  // and refunds a request caused as soon as it has the response — as it would a moment later for real.
  const outbox = createAppOutbox({ db: database.db, log: quiet, changes, payments, mail });
  // The domain check reaches a host name through the app itself, as DNS would send it here.
  const probe = async (host: string, path: string) => {
    const res = await app.request(path, { headers: { host } });
    return { status: res.status, body: await res.text() };
  };
  const deps: AppDeps = {
    db: database.db,
    poolStats: database.poolStats,
    domainProbe: probe,
    dbKind: database.kind,
    copyOut: database.copyOut,
    version: "test",
    startedAt: new Date(),
    trustProxy: false,
    log: quiet,
    keys: fixedKeys("test-secret-test-secret-test-secret!!"),
    changes,
    mail,
    payments,
    outbox,
    checkoutHoldMs: options.checkoutHoldMs,
    staticRoot: options.staticRoot,
  };
  const app = createApp(deps);
  const call: TestServer["call"] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers["content-type"] = "application/json";
      body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    }
    const res = await app.request(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    await outbox.drain();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const login: TestServer["login"] = async (email, password) => {
    const res = await call("POST", "/api/v1/auth/login", { body: { email, password } });
    if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  const listening: ServerType[] = [];
  return {
    app,
    deps,
    database,
    changes,
    sentMail,
    drainOutbox: () => outbox.drain(),
    call,
    login,
    async signUpShopper(input, slug = "demo") {
      const asked = await call("POST", `/api/v1/shop/${slug}/account`, { body: input });
      if (asked.status !== 202) throw new Error(`sign-up failed: ${JSON.stringify(asked.body)}`);
      const mail = sentMail.filter((m) => m.to === input.email.toLowerCase()).at(-1);
      const token = /[?&]confirm=([^\s&]+)/.exec(mail?.text ?? "")?.[1];
      if (!token) throw new Error(`no sign-up link was mailed to ${input.email}`);
      const confirmed = await call("POST", `/api/v1/shop/${slug}/account/confirm`, { body: { token: decodeURIComponent(token) } });
      if (confirmed.status !== 201 && confirmed.status !== 200) throw new Error(`confirm failed: ${JSON.stringify(confirmed.body)}`);
      return confirmed.body as { token: string; customer: { id: string } };
    },
    async registerTill(managerToken, name = "Test till") {
      const res = await call("POST", "/api/v1/devices", { token: managerToken, body: { name } });
      if (res.status !== 201) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
      return { id: res.body.id, token: res.body.token, locationId: res.body.register.locationId };
    },
    async listen() {
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      listening.push(server);
      if (!server.listening) await once(server, "listening");
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      for (const server of listening) {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await outbox.stop();
      await changes.close();
      await database.close();
    },
  };
}

export { DEMO };

import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { defaultPaymentProviders } from "./checkout/payment-provider";
import { createAppOutbox } from "./outbox/app-outbox";
import { startCheckoutSweeper } from "./checkout/checkout-sweep";
import { shutDownGracefully } from "./http/graceful-shutdown";
import { createLogger } from "./http/logger";
import { makePrivate } from "./db/data-dir";
import { migrateToLatest, openDatabase } from "./db/database";
import { readEnv } from "./env";
import { databaseKeys, fixedKeys } from "./auth/signing-keys";
import { fileTransport } from "./receipts/mail-transport";
import { smtpTransport } from "./receipts/smtp-transport";
import { seedDemo } from "./seed/demo";
import { openChangeFeed } from "./sync/change-feed";
import { networkProbe } from "./tenants/domain-check";
import { purgeClosedShops } from "./tenants/tenant-close.service";
import { refreshRollups, ROLLUP_REFRESH_MS } from "./platform/rollups";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The workspace's apps/ folder: each app's build is in apps/<name>/dist. */
const workspaceApps = path.resolve(here, "../..");

async function main(): Promise<void> {
  const env = readEnv();
  const log = createLogger(env.LOG_LEVEL);
  const dataDir = path.resolve(env.DATA_DIR);
  makePrivate(dataDir);
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: path.join(dataDir, "pglite"), poolSize: env.DATABASE_POOL_SIZE });
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log.info(`migrations applied: ${applied.join(", ")}`);
  // JWT_SECRET (and JWT_PREVIOUS_SECRETS during a rotation), or keys kept in the database and shared by every process.
  const keys = env.JWT_SECRET ? fixedKeys(env.JWT_SECRET, env.JWT_PREVIOUS_SECRETS) : await databaseKeys(database.db, dataDir);
  const keyTimer = setInterval(() => void keys.refresh().catch(() => undefined), 60_000);
  keyTimer.unref();
  const changes = await openChangeFeed(database);
  if (env.SEED_DEMO) {
    const seeded = await seedDemo(database.db, { now: new Date() });
    if (seeded) log.info("seeded the demo tenant (slug 'demo')");
  }

  const smtp = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : undefined;
  const mail = smtp ?? fileTransport(path.join(dataDir, "mail"));
  const payments = defaultPaymentProviders(database.db);
  const outbox = createAppOutbox(
    { db: database.db, log, changes, payments, mail },
    { pollMs: env.OUTBOX_POLL_MS, leaseMs: env.OUTBOX_LEASE_SECONDS * 1000 },
  );
  const closing = new AbortController();
  const app = createApp({
    db: database.db,
    dbKind: database.kind,
    copyOut: database.copyOut,
    staticRoot: env.STATIC_ROOT ? path.resolve(env.STATIC_ROOT) : workspaceApps,
    version: "0.1.0",
    keys,
    changes,
    mail,
    payments,
    outbox,
    checkoutHoldMs: env.CHECKOUT_HOLD_SECONDS * 1000,
    startedAt: new Date(),
    closing: closing.signal,
    trustProxy: env.TRUST_PROXY,
    streamCaps: { perCaller: env.STREAMS_PER_CALLER, perShop: env.STREAMS_PER_SHOP },
    log,
    poolStats: database.poolStats,
    domainProbe: networkProbe(env.DOMAIN_CHECK_VIA),
  });
  // Closed shops whose grace period has passed lose their data: checked at start and every hour.
  const purge = () =>
    void purgeClosedShops(database.db, new Date())
      .then((ids) => ids.length > 0 && log.info(`deleted the data of ${ids.length} closed shop(s): ${ids.join(", ")}`))
      .catch((error: unknown) => log.error("purging closed shops failed", error));
  purge();
  const purgeTimer = setInterval(purge, 3600_000);
  purgeTimer.unref();
  // The console's cross-shop rollups: at start and every few minutes (today's figures are live).
  const refresh = () =>
    void refreshRollups(database.db).catch((error: unknown) => log.error("refreshing the console's rollups failed", error));
  refresh();
  const rollupTimer = setInterval(refresh, ROLLUP_REFRESH_MS);
  rollupTimer.unref();
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    log.info(`Countertop sync server on http://localhost:${info.port} (db: ${database.kind})`);
    log.info(
      `  POS http://localhost:${info.port}/pos/  ·  shop http://localhost:${info.port}/shop/demo/  ·  admin http://localhost:${info.port}/admin/`,
    );
  });
  outbox.start();
  const stopSweeper = startCheckoutSweeper({ db: database.db, changes, payments, log }, Math.max(env.OUTBOX_POLL_MS, 1000));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    await shutDownGracefully(
      server as Server,
      {
        closing,
        after: [
          stopSweeper,
          () => clearInterval(purgeTimer),
          () => clearInterval(rollupTimer),
          () => outbox.stop(),
          () => smtp?.close(),
          () => changes.close(),
          () => database.close(),
        ],
      },
      env.SHUTDOWN_GRACE_SECONDS * 1000,
      log,
    );
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

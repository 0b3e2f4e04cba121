/**
 * `pnpm bench:sign-in`: how long a manager sign-in takes for an email that has an account (wrong
 * password) and for one that has none, through the whole app in this process on embedded PGlite.
 * Equal times mean the answer's timing does not tell which emails have accounts. Prints the
 * medians and their ratio, then one JSON line.
 */
import { fixedKeys } from "../auth/signing-keys";
import { parseArgs } from "node:util";
import { createApp } from "../app";
import { defaultPaymentProviders } from "../checkout/payment-provider";
import { migrateToLatest, openDatabase } from "../db/database";
import { createLogger } from "../http/logger";
import { DEMO, seedDemo } from "../seed/demo";
import { openChangeFeed } from "../sync/change-feed";

const { values } = parseArgs({ options: { tries: { type: "string", default: "40" } } });
const tries = Number(values.tries);

const database = await openDatabase({ dataDir: "memory://" });
await migrateToLatest(database.db);
await seedDemo(database.db, { now: new Date() });
const app = createApp({
  db: database.db,
  dbKind: database.kind,
  copyOut: database.copyOut,
  version: "bench",
  startedAt: new Date(),
  // Each try comes from its own address, so the sign-in rate limits stay out of the measurement.
  trustProxy: true,
  log: createLogger("silent"),
  keys: fixedKeys("bench-secret-bench-secret-bench-secret"),
  changes: await openChangeFeed(database),
  mail: { send: async () => undefined },
  payments: defaultPaymentProviders(database.db),
});

let address = 0;
async function signIn(email: string): Promise<number> {
  const started = performance.now();
  const res = await app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${address++ % 250}` },
    body: JSON.stringify({ email, password: "not the password" }),
  });
  await res.text();
  if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const known: number[] = [];
const unknown: number[] = [];
await signIn(DEMO.manager.email); // warm up
for (let i = 0; i < tries; i++) {
  known.push(await signIn(DEMO.manager.email));
  unknown.push(await signIn(`nobody-${i}@example.test`));
}
const result = {
  sign_in_known_email_ms: Math.round(median(known) * 10) / 10,
  sign_in_unknown_email_ms: Math.round(median(unknown) * 10) / 10,
  unknown_vs_known: Math.round((median(unknown) / median(known)) * 100) / 100,
  tries,
};
console.log(`sign-in, wrong password, email with an account: median ${result.sign_in_known_email_ms} ms over ${tries}`);
console.log(`sign-in, email with no account:                 median ${result.sign_in_unknown_email_ms} ms over ${tries}`);
console.log(`ratio unknown / known: ${result.unknown_vs_known}`);
console.log(JSON.stringify(result));
await database.close();

/**
 * `pnpm --filter @countertop/sync-server citus`: prints the Citus calls that distribute the
 * schema by `tenant_id` (shared tables as reference tables), read from the migrated schema of
 * DATABASE_URL — or, unset, of a throwaway in-memory database. Fails listing what is in the way.
 */
import { citusStatements, distributionProblems, readDistribution } from "./db/citus-plan";
import { migrateToLatest, openDatabase } from "./db/database";
import { readEnv } from "./env";

const env = readEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: "memory://" });
try {
  if (!env.DATABASE_URL) await migrateToLatest(database.db);
  const schema = await readDistribution(database.db);
  const problems = distributionProblems(schema);
  if (problems.length > 0) {
    console.error(`Not ready to distribute by tenant_id:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    process.exitCode = 1;
  } else {
    console.log("-- Countertop on Citus: run on the coordinator after `CREATE EXTENSION citus` and the migrations.");
    console.log("-- kysely_migration and kysely_migration_lock stay local to the coordinator, where migrations run.");
    for (const statement of citusStatements(schema)) console.log(statement);
    console.log("-- Before a multi-node cluster, mind two things that are not keys (see the README, Deployment):");
    console.log("--   tenants.seq is each shop's change counter, locked and written by every push: a write to a reference");
    console.log("--   table. Move it to a distributed table (tenant_counters, keyed by tenant_id) so a push stays on one node.");
    console.log("--   The outbox worker claims due jobs of every shop with FOR UPDATE SKIP LOCKED, a multi-shard lock that");
    console.log("--   Citus runs only per shard: claim per tenant (or per shard) there.");
  }
} finally {
  await database.close();
}

import type { Kysely, Transaction } from "kysely";
import type { Database, PlansTable } from "../db/schema";
import type { TenantTx } from "../db/tenant-scope";
import { MODULES, effectivePlan, readOverrides, type EffectivePlan, type Plan, type PlanUpdate } from "./plan";

type PlanRow = Pick<PlansTable, "id" | "name" | "max_registers" | "max_locations" | "max_staff" | "max_products"> & {
  modules: string[];
};

const PLAN_COLUMNS = ["plans.id", "plans.name", "plans.modules", "max_registers", "max_locations", "max_staff", "max_products"] as const;

/** A `plans` row as a {@link Plan}; module names the server does not know are dropped. */
export function planOf(row: PlanRow): Plan {
  return {
    id: row.id,
    name: row.name,
    limits: { registers: row.max_registers, locations: row.max_locations, staff: row.max_staff, products: row.max_products },
    modules: MODULES.filter((m) => row.modules.includes(m)),
  };
}

/** Every plan, smallest first. */
export async function listPlans(db: Kysely<Database> | Transaction<Database>): Promise<Plan[]> {
  const rows = await db
    .selectFrom("plans")
    .select([...PLAN_COLUMNS])
    .orderBy((eb) => eb.fn.coalesce("max_registers", eb.val(1_000_000_000)))
    .orderBy("id")
    .execute();
  return rows.map(planOf);
}

/** Changes a plan's name, limits and modules; `undefined` when there is no such plan. */
export async function updatePlan(trx: Transaction<Database>, id: string, update: PlanUpdate): Promise<Plan | undefined> {
  const row = await trx
    .updateTable("plans")
    .set({
      name: update.name,
      modules: JSON.stringify(update.modules),
      max_registers: update.limits.registers,
      max_locations: update.limits.locations,
      max_staff: update.limits.staff,
      max_products: update.limits.products,
    })
    .where("id", "=", id)
    .returning([...PLAN_COLUMNS])
    .executeTakeFirst();
  return row && planOf(row);
}

/**
 * The shop's effective plan, in its own transaction. With `lock`, the shop's row is locked until
 * commit (`FOR NO KEY UPDATE`, the lock every writer of the shop queues on): a count made after it
 * includes every earlier commit, and no one else adds until this transaction ends — so a limit
 * holds under concurrency.
 */
export async function shopPlan(trx: TenantTx, tenantId: string, options: { lock?: boolean } = {}): Promise<EffectivePlan> {
  const row = await trx
    .selectFrom("tenants")
    .innerJoin("plans", "plans.id", "tenants.plan_id")
    .select([...PLAN_COLUMNS, "tenants.plan_overrides"])
    .where("tenants.id", "=", tenantId)
    .$if(options.lock === true, (q) => q.forNoKeyUpdate("tenants"))
    .executeTakeFirstOrThrow();
  return effectivePlan(planOf(row), readOverrides(row.plan_overrides));
}

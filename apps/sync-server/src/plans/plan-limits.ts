import { sql } from "kysely";
import { withTenant, type TenantTx } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { LIMIT_NOUNS, MODULE_NAMES, type EffectivePlan, type Limit, type Module } from "./plan";
import { shopPlan } from "./plan.repository";

const ASK = "Ask the platform owner to upgrade the plan";

/** The message of a `plan_limit` refusal: what the plan allows, what the shop has, what to do. */
export function planLimitMessage(plan: EffectivePlan, limit: Limit, have: number): string {
  const allowed = plan.limits[limit] ?? 0;
  const [one, many] = LIMIT_NOUNS[limit];
  const remove = limit === "registers" ? "revoke a till" : limit === "products" ? "archive or delete some" : "remove some";
  return `The ${plan.planName} plan allows ${allowed} ${allowed === 1 ? one : many} and this shop has ${have}. ${ASK}, or ${remove} first.`;
}

/** 402 `plan_limit`. */
export function planLimitError(plan: EffectivePlan, limit: Limit, have: number): ApiError {
  return new ApiError(ErrorCode.plan_limit, planLimitMessage(plan, limit, have), { limit, allowed: plan.limits[limit], have });
}

/** The message of a `module_disabled` refusal. */
export function moduleDisabledMessage(plan: EffectivePlan, module: Module): string {
  const name = MODULE_NAMES[module];
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${name.endsWith("s") ? "are" : "is"} switched off for this shop (${plan.planName} plan). ${ASK}.`;
}

/** 403 `module_disabled`. */
export function moduleDisabledError(plan: EffectivePlan, module: Module): ApiError {
  return new ApiError(ErrorCode.module_disabled, moduleDisabledMessage(plan, module), { module });
}

/** Throws 403 `module_disabled` unless the module is on in the shop's plan. */
export async function assertModule(deps: Pick<AppDeps, "db">, tenantId: string, module: Module): Promise<void> {
  const plan = await withTenant(deps.db, tenantId, (trx) => shopPlan(trx, tenantId));
  if (!plan.modules.has(module)) throw moduleDisabledError(plan, module);
}

/**
 * Makes room for one more of `limit` in the caller's transaction, or throws 402 `plan_limit`: locks
 * the shop (every adder queues here until commit), then counts. Counting before the lock would
 * let two requests at the limit minus one both through.
 */
export async function takeRoomFor(trx: TenantTx, tenantId: string, limit: Limit, count: (trx: TenantTx) => Promise<number>): Promise<void> {
  const plan = await shopPlan(trx, tenantId, { lock: true });
  const allowed = plan.limits[limit];
  if (allowed === null) return;
  const have = await count(trx);
  if (have >= allowed) throw planLimitError(plan, limit, have);
}

/** How many live rows of a collection the shop has, by a condition on the stored row. */
export async function countLive(trx: TenantTx, table: "products" | "staff", tenantId: string): Promise<number> {
  const live = table === "products" ? sql`doc->>'status' <> 'archived'` : sql`(doc->>'active')::boolean`;
  const row = await sql<{ n: string }>`
    select count(*) as n from ${sql.table(table)} where tenant_id = ${tenantId} and not deleted and ${live}
  `.execute(trx);
  return Number(row.rows[0]?.n ?? 0);
}

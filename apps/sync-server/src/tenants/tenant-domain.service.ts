import { AuditAction, recordAuditNow, type AuditActor } from "../audit/audit";
import { asPlatformReader } from "../db/tenant-scope";
import type { AppDeps } from "../http/app-env";
import { ApiError, ErrorCode } from "../http/errors";
import { DOMAIN_CHECK_PATH, domainProof, judgeProbe, type DomainProbe } from "./domain-check";
import { markDomainVerified } from "./tenant.repository";

/** The outcome of a domain check: verified, or why not (for the owner to act on). */
export interface DomainCheck {
  readonly domain: string;
  readonly verified: boolean;
  readonly message: string;
  readonly verifiedAt?: string;
}

/**
 * Checks that the shop's domain reaches this server: fetches {@link DOMAIN_CHECK_PATH} from the
 * host and compares the proof with this server's own. Verified is recorded (and audited); a
 * failure changes nothing and says what to do. 409 when the shop has no domain.
 */
export async function verifyShopDomain(
  deps: Pick<AppDeps, "db" | "keys"> & { readonly domainProbe?: DomainProbe | undefined },
  id: string,
  context: { readonly actor: AuditActor; readonly now: Date },
): Promise<DomainCheck> {
  const shop = await asPlatformReader(deps.db, (trx) => trx.selectFrom("tenants").select("domain").where("id", "=", id).executeTakeFirst());
  if (!shop) throw new ApiError(ErrorCode.not_found, "No shop with that id.");
  if (!shop.domain) throw new ApiError(ErrorCode.conflict, "This shop has no domain to verify. Set one first.");
  const domain = shop.domain;
  let problem: string | undefined;
  try {
    if (!deps.domainProbe) throw new Error("no probe");
    problem = judgeProbe(await deps.domainProbe(domain, DOMAIN_CHECK_PATH), domainProof(deps.keys.current(), domain));
  } catch (error) {
    problem = `${domain} could not be reached (${error instanceof Error ? error.message : String(error)}). Point its DNS at this server and try again.`;
  }
  if (problem) return { domain, verified: false, message: problem };
  await markDomainVerified(deps.db, id, domain, context.now);
  await recordAuditNow(
    deps.db,
    id,
    { action: AuditAction.shopDomainVerified, actor: context.actor, outcome: "ok", targets: [{ type: "tenant", id }], details: { domain } },
    context.now,
  );
  return { domain, verified: true, message: `${domain} reaches this server.`, verifiedAt: context.now.toISOString() };
}

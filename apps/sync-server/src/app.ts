import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { authRoutes } from "./auth/auth.routes";
import { deviceRoutes } from "./devices/device.routes";
import { healthRoutes } from "./health/health.routes";
import type { AppDeps, AppEnv } from "./http/app-env";
import { errorHandler, notFoundHandler } from "./http/errors";
import { bodyLimits } from "./http/body-limits";
import { requestLog } from "./http/request-log";
import { securityHeaders } from "./http/security-headers";
import { checkoutRoutes } from "./checkout/checkout.routes";
import { receiptRoutes } from "./receipts/receipt.routes";
import { demoMediaRoutes } from "./seed/demo-media.routes";
import { shopAccountRoutes } from "./shop/account.routes";
import { shopManifestRoutes } from "./shop/manifest.routes";
import { shopDomains } from "./shop/shop-domain";
import { shopSessionRoutes } from "./shop/session.routes";
import { mountStaticApps } from "./static/static.routes";
import { staffRoutes } from "./staff/staff.routes";
import { syncRoutes } from "./sync/sync.routes";
import { tenantRoutes } from "./tenants/tenant.routes";
import { auditRoutes } from "./audit/audit.routes";
import { ownerRoutes } from "./auth/owner.routes";
import { RouteMetrics } from "./http/route-metrics";
import { linkRoutes } from "./links/link.routes";
import { planRoutes } from "./plans/plan.routes";
import { platformRoutes, type ServerRuntime } from "./platform/platform.routes";
import { hostName } from "./shop/shop-domain";
import { StreamLimiter } from "./sync/stream-limits";
import { DOMAIN_CHECK_PATH, domainProof } from "./tenants/domain-check";
import { tenantLifecycleRoutes } from "./tenants/tenant-lifecycle.routes";

/** Builds the whole HTTP app from its dependencies; `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const runtime: ServerRuntime = { metrics: new RouteMetrics(), streams: new StreamLimiter(deps.streamCaps) };
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(requestLog(deps.log, undefined, runtime.metrics));
  app.use(securityHeaders());
  app.use(bodyLimits());
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);
  // Before the shops' own domains: every host answers the console's domain check.
  app.get(DOMAIN_CHECK_PATH, (c) => c.json({ proof: domainProof(deps.jwtSecret, hostName(c.req.header("host"))) }));
  app.use(shopDomains(deps));

  app.route("/health", healthRoutes(deps));
  app.route("/api/v1/auth", authRoutes(deps));
  app.route("/api/v1", linkRoutes(deps));
  app.route("/api/v1/devices", deviceRoutes(deps));
  app.route("/api/v1/admin/tenants", tenantRoutes(deps));
  app.route("/api/v1/admin/tenants", tenantLifecycleRoutes(deps));
  app.route("/api/v1/admin/plans", planRoutes(deps));
  app.route("/api/v1/admin/owners", ownerRoutes(deps));
  app.route("/api/v1/admin/audit", auditRoutes(deps));
  app.route("/api/v1/admin", platformRoutes(deps, runtime));
  app.route("/api/v1/shop", shopSessionRoutes(deps));
  app.route("/api/v1/shop", checkoutRoutes(deps));
  app.route("/api/v1/shop", shopAccountRoutes(deps));
  app.route("/api/v1/receipts", receiptRoutes(deps));
  app.route("/api/v1", staffRoutes(deps));
  app.route("/sync/v1", syncRoutes(deps, runtime.streams));
  app.route("/shop", shopManifestRoutes(deps));
  app.route("/media/demo", demoMediaRoutes());
  app.get("/", (c) => c.redirect("/pos/", 302));
  mountStaticApps(app, deps.staticRoot);
  return app;
}

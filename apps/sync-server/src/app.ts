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
import { catalogRoutes } from "./catalog/catalog.routes";
import { checkoutRoutes } from "./checkout/checkout.routes";
import { receiptRoutes } from "./receipts/receipt.routes";
import { demoMediaRoutes } from "./seed/demo-media.routes";
import { mediaFileRoutes, mediaUploadRoutes } from "./media/media.routes";
import { shopAccountRoutes } from "./shop/account.routes";
import { shopManifestRoutes } from "./shop/manifest.routes";
import { shopDomains } from "./shop/shop-domain";
import { shopSessionRoutes } from "./shop/session.routes";
import { mountStaticApps } from "./static/static.routes";
import { staffRoutes } from "./staff/staff.routes";
import { syncRoutes } from "./sync/sync.routes";
import { StreamLimiter } from "./sync/stream-limits";
import { tenantRoutes } from "./tenants/tenant.routes";
import { tillRoutes } from "./tills/tills.routes";
import { salesRoutes } from "./sales/sales.routes";

/** Builds the whole HTTP app from its dependencies; `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(requestLog(deps.log));
  app.use(securityHeaders());
  app.use(bodyLimits());
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);
  app.use(shopDomains(deps));

  app.route("/health", healthRoutes(deps));
  app.route("/api/v1/auth", authRoutes(deps));
  app.route("/api/v1/devices", deviceRoutes(deps));
  app.route("/api/v1/admin/tenants", tenantRoutes(deps));
  app.route("/api/v1/shop", shopSessionRoutes(deps));
  app.route("/api/v1/shop", checkoutRoutes(deps));
  app.route("/api/v1/shop", shopAccountRoutes(deps));
  app.route("/api/v1/receipts", receiptRoutes(deps));
  app.route("/api/v1", staffRoutes(deps));
  // One count of live streams, so a till's status can say whether it is connected right now.
  const streams = new StreamLimiter(deps.streamCaps);
  app.route("/api/v1", tillRoutes(deps, streams));
  app.route("/api/v1", salesRoutes(deps));
  app.route("/sync/v1", syncRoutes(deps, streams));
  app.route("/shop", shopManifestRoutes(deps));
  app.route("/api/v1/media", mediaUploadRoutes(deps));
  app.route("/api/v1/catalog", catalogRoutes(deps));
  app.route("/media/demo", demoMediaRoutes());
  app.route("/media", mediaFileRoutes(deps));
  app.get("/", (c) => c.redirect("/pos/", 302));
  mountStaticApps(app, deps.staticRoot);
  return app;
}

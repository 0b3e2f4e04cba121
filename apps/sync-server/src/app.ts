import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { healthRoutes } from "./health/health.routes";
import type { AppDeps, AppEnv } from "./http/app-env";
import { errorHandler, notFoundHandler } from "./http/errors";
import { mountStaticApps } from "./static/static.routes";

/** Builds the whole HTTP app from its dependencies; `main.ts` serves it, tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.onError(errorHandler(deps.log));
  app.notFound(notFoundHandler);

  app.route("/health", healthRoutes(deps));
  app.get("/", (c) => c.redirect("/pos/", 302));
  mountStaticApps(app, deps.staticRoot);
  return app;
}

# syntax=docker/dockerfile:1
# Countertop: the sync server and the three PWAs it serves, in one image.
#   docker build -t countertop .
#   docker run -p 8787:8787 -v countertop-data:/var/lib/countertop \
#     -e DATABASE_URL=postgres://countertop:…@db:5432/countertop countertop
# Without DATABASE_URL it runs on embedded PGlite in the volume (one process only).

FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN npm install -g pnpm@10
COPY . .
# The PWAs' production builds, then the server with only its production dependencies
# (workspace packages included) in a folder of its own.
RUN pnpm install --frozen-lockfile \
 && pnpm build \
 && pnpm --filter @countertop/sync-server deploy --prod --legacy /out/server \
 && for app in pos storefront admin; do mkdir -p /out/apps/$app && cp -r apps/$app/dist /out/apps/$app/dist; done

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    DATA_DIR=/var/lib/countertop \
    STATIC_ROOT=/opt/countertop/apps
COPY --from=build /out/apps /opt/countertop/apps
COPY --from=build /out/server /opt/countertop/server
RUN mkdir -p /var/lib/countertop && chown node:node /var/lib/countertop
WORKDIR /opt/countertop/server
USER node
VOLUME /var/lib/countertop
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop taking connections, let pushes in flight commit, end live streams with a reconnect hint.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]

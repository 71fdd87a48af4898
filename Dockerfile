# syntax=docker/dockerfile:1
# One image recipe for all five Candor services; pick the service with the APP build arg:
#   docker build --build-arg APP=conversation -t candor/conversation .
# APP is one of: conversation, bot-engine, handoff, consent-ledger, dsr

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true
COPY . .
# belt and braces with .dockerignore: never build from a host checkout's artefacts
RUN rm -rf node_modules dist .candor .nx coverage tmp \
 && npm ci --no-audit --no-fund \
 && npx nx run-many -t build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ARG APP
RUN test -n "$APP" || (echo "build arg APP is required (conversation|bot-engine|handoff|consent-ledger|dsr)" >&2; exit 1)
ENV NODE_ENV=production APP=${APP}
WORKDIR /app
COPY --from=build --chown=node:node /src/package.json ./package.json
COPY --from=build --chown=node:node /src/node_modules ./node_modules
COPY --from=build --chown=node:node /src/dist ./dist
RUN test -f "dist/apps/${APP}/src/main.js" || (echo "dist/apps/${APP}/src/main.js was not built" >&2; exit 1)
USER node
# exec form cannot expand ARG/ENV: go through sh -c and exec so node becomes PID 1 and gets SIGTERM
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]

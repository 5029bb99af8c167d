# A scheduled container job for the sync service (Cloud Run Jobs, Kubernetes CronJob, or any cron):
#   docker build -t backorder-desk .
#   docker run --rm -e GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json -v $PWD/secrets:/secrets:ro \
#     -v $PWD/feeds:/feeds:ro backorder-desk sync --spreadsheet SPREADSHEET_ID --feeds /feeds/feeds.json
# On Cloud Run, leave GOOGLE_APPLICATION_CREDENTIALS unset: the job's service account is used (ADC).
# Not built in CI: this machine has no Docker engine (docs/sync.md).
# Build stage: the CLI prebuilt with esbuild (a dev dependency) into dist/cli/. The Google stand-in
# (twin/) is not copied: what ships never imports it (test/architecture.test.ts).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY scripts ./scripts
COPY shared ./shared
COPY sync-service ./sync-service
COPY local-store ./local-store
COPY cli ./cli
RUN node scripts/build.mjs --cli

# Runtime: production dependencies and the built CLI only. exceljs (an optional dependency, with
# 175 packages of its own) is left out: the sync service never writes xlsx, and the CLI's
# `export --format xlsx` says so here (cli/optional-module.ts). 285 -> 109 packages, 80 -> 44 MB.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund --ignore-scripts
COPY --from=build /app/dist ./dist
COPY bin/backorder-desk.mjs ./bin/
USER node
ENTRYPOINT ["node", "bin/backorder-desk.mjs"]
CMD ["--help"]

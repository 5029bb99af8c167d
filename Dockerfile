# A scheduled container job for the sync service (Cloud Run Jobs, Kubernetes CronJob, or any cron):
#   docker build -t backorder-desk .
#   docker run --rm -e GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json -v $PWD/secrets:/secrets:ro \
#     -v $PWD/feeds:/feeds:ro backorder-desk sync --spreadsheet SPREADSHEET_ID --feeds /feeds/feeds.json
# On Cloud Run, leave GOOGLE_APPLICATION_CREDENTIALS unset: the job's service account is used (ADC).
# Not built in CI: this machine has no Docker engine (docs/sync.md).
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY shared ./shared
COPY sync-service ./sync-service
COPY twin ./twin
COPY bin ./bin
USER node
ENTRYPOINT ["node", "bin/backorder-desk.mjs"]
CMD ["--help"]

# storybrief: one container running the bot with the embedded database (or Postgres via DATABASE_URL).
# Stage 1 installs everything and checks the types; stage 2 keeps only production dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY data ./data
COPY slack ./slack
RUN npx tsc --noEmit -p tsconfig.json || (echo "typecheck failed" && exit 1)

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    STORYBRIEF_DB=/var/lib/storybrief
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/data ./data
COPY --from=build /app/slack ./slack
RUN groupadd --system storybrief && useradd --system --gid storybrief --home /app storybrief \
    && mkdir -p /var/lib/storybrief && chown storybrief:storybrief /var/lib/storybrief
USER storybrief
VOLUME ["/var/lib/storybrief"]
EXPOSE 3000
CMD ["node", "bin/storybrief.js", "start"]

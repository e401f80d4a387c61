# Production image for the API and the workers (same image, different command).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
# The web client, built by `npm run build` into dist/web and served by the API at /.
COPY web ./web
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The screening model's weights, read once by each screening thread (SCREENING_MODEL).
COPY models ./models
COPY package.json ./
USER node
EXPOSE 3000
# The API; docker-compose runs the workers from the same image with `node dist/src/worker.js`.
CMD ["node", "dist/src/main.js"]

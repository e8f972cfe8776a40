# The dashboard and its production server (server/) in one image. Not built in this project's CI: the
# machines that run the tests have no container runtime (see README, "Deployment").

# Build stage: every dependency, the app (vite build, precompressed) and the server compiled to JavaScript.
# Debian, as the machines the build is tested on (the bundler's native binaries are glibc builds there).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Set for a build that calls the API at another origin directly (see README, VITE_API_BASE_URL).
ARG VITE_API_BASE_URL=
RUN npm run build

# Final stage: plain Node with the production dependencies only (pure JavaScript), not root.
FROM node:20-alpine
# The server names a direct API origin in its CSP: the same value the app was built with.
ARG VITE_API_BASE_URL=
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 VITE_API_BASE_URL=$VITE_API_BASE_URL
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/build ./build
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Node itself is PID 1: SIGTERM (docker stop) reaches the server, which ends open streams and exits.
CMD ["node", "build/server/main.js"]

# Parley's server (and its built web client) in one image: Node 20 on Debian, as on the dev machines.
FROM node:20-bookworm-slim

WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build:client && npm run build:server

# Inside a container the server must listen on every interface; publish ports to 127.0.0.1 on the host.
ENV HOST=0.0.0.0 PORT=2567 DATA_DIR=/data
VOLUME /data
EXPOSE 2567
# One Node process (no wrapper), so SIGTERM reaches the server: it drains every table and exits.
CMD ["node", "dist/server/main.js"]

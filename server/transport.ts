import http from "node:http";
import type { Transport } from "@colyseus/core";
import type { ConfigOptions } from "@colyseus/tools";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";

/**
 * The HTTP server, its Express app and the game's WebSocket transport, built from the app's
 * options as @colyseus/tools' getTransport() would, without what importing and calling it adds:
 * settings read from /etc/environment over the process's own and from .env files
 * (server/environment.ts says what is read instead), a CORS layer that answers every origin
 * with credentials, and a /__healthcheck route (Parley has /healthz).
 */
export async function buildTransport(app: ConfigOptions): Promise<Transport> {
  const expressApp = express();
  const server = http.createServer(expressApp);
  const transport = app.initializeTransport?.({ server, app: expressApp }) ?? new WebSocketTransport({ server });
  await app.initializeExpress?.(expressApp);
  return transport;
}


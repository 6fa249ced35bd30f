import http, { type IncomingMessage } from "node:http";
import type { Transport } from "@colyseus/core";
import type { ConfigOptions } from "@colyseus/tools";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import type { WebSocket } from "ws";
import { startHeartbeat } from "./heartbeat.js";
import type { Logger } from "./logger.js";
import { webSocketServerOf } from "./room/colyseusInternals.js";

/**
 * The HTTP server, its Express app and the game's WebSocket transport, built from the app's
 * options as @colyseus/tools' getTransport() would, without what importing and calling it adds:
 * settings read from /etc/environment over the process's own and from .env files
 * (server/environment.ts says what is read instead), a CORS layer that answers every origin
 * with credentials, and a /__healthcheck route (Parley has /healthz).
 */
export async function buildTransport(app: ConfigOptions, logger: Logger): Promise<Transport> {
  const expressApp = express();
  const server = http.createServer(expressApp);
  const transport = app.initializeTransport?.({ server, app: expressApp }) ?? new WebSocketTransport({ server, pingInterval: 0 });
  await app.initializeExpress?.(expressApp);
  reportSocketErrorsPlainly(transport, server, logger);
  startHeartbeat(webSocketServerOf(transport), server);
  return transport;
}

/**
 * Colyseus logs every error of a client's socket, and of the server, at error level with a
 * stack trace. A client's socket errors only when that client breaks the WebSocket protocol
 * (a frame over MAX_PAYLOAD_BYTES, a bad opcode, invalid UTF-8): ws has already closed that
 * socket with the matching code and nothing on the server failed, so one warn line says what
 * happened and from where. A server error before listening reaches startServer, which explains
 * it (a port in use…); after, it is logged once, without the duplicate.
 */
function reportSocketErrorsPlainly(transport: Transport, server: http.Server, logger: Logger): void {
  const wss = webSocketServerOf(transport);
  // Runs after Colyseus' own connection handler, which has just added its error listener.
  wss.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    socket.removeAllListeners("error");
    socket.on("error", (error: Error & { code?: string }) =>
      logger.warn({ address: request.socket.remoteAddress, code: error.code }, `closed a client's WebSocket: ${error.message}`),
    );
  });
  wss.removeAllListeners("error");
  wss.on("error", (error) => {
    if (server.listening) logger.error({ err: error }, "HTTP server error");
  });
}

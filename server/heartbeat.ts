import type { Server as HttpServer } from "node:http";
import type { WebSocket, WebSocketServer } from "ws";

export type HeartbeatOptions = {
  /** Every connection is pinged once per interval. */
  readonly intervalMs: number;
  /** A connection that has left this many pings in a row unanswered is ended. */
  readonly maxMissed: number;
  /** The interval is cut in this many ticks; each pings one share of the connections. */
  readonly slices: number;
};

/** Colyseus' own interval and allowance, pinged in thirty slices (one tick every 100 ms). */
export const HEARTBEAT: HeartbeatOptions = { intervalMs: 3000, maxMissed: 2, slices: 30 };

/**
 * Keeps every game socket alive and ends the ones whose other side is gone, as Colyseus'
 * transport would (its own pinging is switched off in app.ts). Colyseus pings every socket in one
 * timer callback: with 4,300 connections that held the event loop for about a quarter of a second
 * every three seconds, and every move that arrived meanwhile waited (the workshop day's p99).
 * Here each connection is given one of `slices` shares as it arrives, and each tick pings one
 * share, so no tick does more than its share of the work.
 */
export function startHeartbeat(wss: WebSocketServer, server: HttpServer, options: HeartbeatOptions = HEARTBEAT): void {
  const shares = Array.from({ length: options.slices }, () => new Map<WebSocket, number>());
  let arrivals = 0;
  wss.on("connection", (socket: WebSocket) => {
    const share = shares[arrivals++ % options.slices]!;
    share.set(socket, 0);
    socket.on("pong", () => {
      if (share.has(socket)) share.set(socket, 0);
    });
    socket.on("close", () => share.delete(socket));
  });
  let tick = 0;
  const beat = () => {
    const share = shares[tick++ % options.slices]!;
    for (const [socket, missed] of share) {
      if (missed >= options.maxMissed) {
        share.delete(socket);
        socket.terminate();
        continue;
      }
      share.set(socket, missed + 1);
      socket.ping();
    }
  };
  // From listening to close, as Colyseus' own: a server that never listens keeps no timer alive.
  server.once("listening", () => {
    const timer = setInterval(beat, options.intervalMs / options.slices);
    server.once("close", () => clearInterval(timer));
  });
}

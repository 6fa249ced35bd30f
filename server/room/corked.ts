import type { Client } from "@colyseus/core";
import type { Socket } from "node:net";
import { socketOf } from "./colyseusInternals.js";

/**
 * Run `work` with every client's socket corked, then uncork: the frames one action sends each
 * client (patch, events, private data, reveal) leave in one system call per client instead of
 * one per frame. `ws` corks and uncorks around each frame itself; while an outer cork holds,
 * its uncork only buffers.
 */
export function corked<T>(clients: readonly Client[], work: () => T): T {
  const sockets: Socket[] = [];
  for (const client of clients) {
    const socket = socketOf(client);
    if (socket && !socket.destroyed) {
      socket.cork();
      sockets.push(socket);
    }
  }
  try {
    return work();
  } finally {
    for (const socket of sockets) socket.uncork();
  }
}

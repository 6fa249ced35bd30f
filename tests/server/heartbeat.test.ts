import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { startHeartbeat } from "../../server/heartbeat.js";

/*
 * The heartbeat keeps live connections, ends one whose other side stopped answering, and never
 * pings everyone in one go: a burst of thousands of pings held the event loop, and every move
 * that arrived meanwhile waited.
 */

const OPTIONS = { intervalMs: 300, maxMissed: 2, slices: 3 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let server: Server;
let clients: WebSocket[] = [];

afterEach(async () => {
  for (const c of clients) c.terminate();
  clients = [];
  await new Promise((resolve) => server.close(resolve));
});

async function listen(): Promise<{ wss: WebSocketServer; url: string }> {
  server = createServer();
  const wss = new WebSocketServer({ server });
  startHeartbeat(wss, server, OPTIONS);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { wss, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function connect(url: string, answers = true): Promise<WebSocket> {
  const socket = new WebSocket(url, { autoPong: answers });
  clients.push(socket);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  return socket;
}

describe("heartbeat", () => {
  it("ends a connection that stops answering and keeps the ones that answer", async () => {
    const { url } = await listen();
    const live = await Promise.all(Array.from({ length: 5 }, () => connect(url)));
    const silent = await connect(url, false);
    const closed = new Promise((resolve) => silent.once("close", resolve));
    await Promise.race([closed, sleep(5000).then(() => expect.fail("the silent connection was never ended"))]);
    await sleep(2 * OPTIONS.intervalMs);
    expect(live.every((s) => s.readyState === WebSocket.OPEN)).toBe(true);
  });

  it("pings each connection once per interval, a share of them per tick", async () => {
    const { wss, url } = await listen();
    // Pings made in one timer callback form one group: the group closes when the callback returns.
    const groups: number[] = [];
    let open = false;
    wss.on("connection", (socket: WebSocket) => {
      const ping = socket.ping.bind(socket);
      socket.ping = (...args: Parameters<WebSocket["ping"]>) => {
        if (!open) {
          groups.push(0);
          open = true;
          queueMicrotask(() => (open = false));
        }
        groups[groups.length - 1]! += 1;
        ping(...args);
      };
    });
    const pinged = new Map<WebSocket, number>();
    for (let i = 0; i < 12; i++) {
      const socket = await connect(url);
      socket.on("ping", () => pinged.set(socket, (pinged.get(socket) ?? 0) + 1));
    }
    await sleep(4 * OPTIONS.intervalMs);
    expect(Math.max(...groups)).toBeLessThanOrEqual(12 / OPTIONS.slices);
    expect(pinged.size).toBe(12);
    for (const count of pinged.values()) expect(count).toBeGreaterThanOrEqual(2);
  });
});

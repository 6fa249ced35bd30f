import WebSocket from "ws";
import { sampleProcess, type ProcessSample } from "./processMetrics.js";
import { serveRpc } from "./rpc.js";

/*
 * Load for the floor server: `connections` sockets, each with one message of `size` bytes in
 * flight at a time (closed loop: the echo triggers the next send). Runs in its own process,
 * like the Parley load generator, so both measurements share the box the same way.
 */

export type FloorLoadMethods = {
  connect: (params: { url: string; connections: number }) => Promise<{ open: number; failed: number }>;
  /** Closed loop: every socket sends again as soon as its echo is back. */
  start: (params: { size: number }) => null;
  /** Open loop at a fixed rate: `perSecond` messages spread over random sockets, echoes only counted. */
  pace: (params: { size: number; perSecond: number }) => null;
  stop: (params: null) => { echoes: number; errors: number } & ProcessSample;
  close: (params: null) => null;
};

const sockets: WebSocket[] = [];
let running = false;
let pacing: NodeJS.Timeout | null = null;
let echoes = 0;
let errors = 0;
let payload = Buffer.alloc(0);

/** Open sockets `batch` at a time, so the server's accept queue is never flooded. */
async function connectAll(url: string, connections: number): Promise<{ open: number; failed: number }> {
  let failed = 0;
  const batch = 100;
  for (let i = 0; i < connections; i += batch) {
    const opening = Array.from({ length: Math.min(batch, connections - i) }, () => openOne(url));
    for (const result of await Promise.all(opening)) {
      if (result) sockets.push(result);
      else failed += 1;
    }
  }
  return { open: sockets.length, failed };
}

function openOne(url: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => {
      ws.terminate();
      resolve(null);
    }, 10_000);
    ws.once("open", () => {
      clearTimeout(timer);
      ws.on("message", () => {
        echoes += 1;
        if (running) ws.send(payload);
      });
      ws.on("error", () => (errors += 1));
      resolve(ws);
    });
    ws.once("error", () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

const methods: FloorLoadMethods = {
  connect: ({ url, connections }) => connectAll(url, connections),
  start: ({ size }) => {
    payload = Buffer.alloc(size, 0x61);
    running = true;
    for (const ws of sockets) ws.send(payload);
    return null;
  },
  pace: ({ size, perSecond }) => {
    payload = Buffer.alloc(size, 0x61);
    // Every 10 ms, the messages due by then (fractions carried over), each to a random socket.
    let due = 0;
    pacing = setInterval(() => {
      due += perSecond / 100;
      for (; due >= 1 && sockets.length > 0; due--) sockets[Math.floor(Math.random() * sockets.length)]!.send(payload);
    }, 10);
    return null;
  },
  stop: () => {
    running = false;
    if (pacing) clearInterval(pacing);
    pacing = null;
    return { echoes, errors, ...sampleProcess() };
  },
  close: () => {
    running = false;
    if (pacing) clearInterval(pacing);
    for (const ws of sockets) ws.terminate();
    sockets.length = 0;
    return null;
  },
};

if (!serveRpc(methods)) {
  process.stderr.write("floorLoad runs as a child of the benchmark (it needs an IPC channel)\n");
  process.exit(2);
}
process.on("disconnect", () => process.exit(0));

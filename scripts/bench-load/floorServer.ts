import { WebSocketServer } from "ws";
import { sampleProcess, type ProcessSample } from "./processMetrics.js";
import { serveRpc } from "./rpc.js";

/*
 * The floor: a bare `ws` echo server on 127.0.0.1, the cheapest thing that can answer a
 * WebSocket message. Parley's CPU per action is compared with its CPU per message, measured
 * in the same run on the same box, so the ratio survives a noisy machine better than either.
 */

export type FloorServerMethods = {
  listen: (params: { maxPayload: number }) => Promise<{ port: number }>;
  sample: (params: null) => ProcessSample & { readonly messages: number; readonly connections: number };
  /** Ping every connection every `intervalMs`, as Colyseus' transport does to find dead peers. */
  heartbeat: (params: { intervalMs: number }) => null;
  close: (params: null) => Promise<null>;
};

let server: WebSocketServer | null = null;
let messages = 0;
let pinging: NodeJS.Timeout | null = null;

const methods: FloorServerMethods = {
  listen: ({ maxPayload }) =>
    new Promise((resolve, reject) => {
      // The same socket options Parley's transport runs with: no compression, the same frame cap.
      const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, maxPayload, perMessageDeflate: false });
      wss.on("connection", (ws) =>
        ws.on("message", (data, isBinary) => {
          messages += 1;
          ws.send(data, { binary: isBinary });
        }),
      );
      wss.once("error", reject);
      wss.once("listening", () => {
        server = wss;
        resolve({ port: (wss.address() as { port: number }).port });
      });
    }),
  sample: () => ({ ...sampleProcess(), messages, connections: server?.clients.size ?? 0 }),
  heartbeat: ({ intervalMs }) => {
    if (pinging) clearInterval(pinging);
    pinging = setInterval(() => server?.clients.forEach((ws) => ws.ping()), intervalMs);
    return null;
  },
  close: () =>
    new Promise<null>((resolve) => {
      if (pinging) clearInterval(pinging);
      for (const ws of server?.clients ?? []) ws.terminate();
      if (!server) return resolve(null);
      server.close(() => resolve(null));
    }),
};

if (!serveRpc(methods)) {
  process.stderr.write("floorServer runs as a child of the benchmark (it needs an IPC channel)\n");
  process.exit(2);
}
process.on("disconnect", () => process.exit(0));

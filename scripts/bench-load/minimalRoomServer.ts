import http from "node:http";
import type { AddressInfo } from "node:net";
import { Room, Server, type Client } from "@colyseus/core";
import { Schema, type } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { sampleProcess, type ProcessSample } from "./processMetrics.js";
import { serveRpc } from "./rpc.js";

/*
 * The yardstick of issue #15: the least a Colyseus 0.16 table can be. Two seats, an offer
 * handler on a small schema, the turn passing on every accepted offer and a broadcastPatch()
 * right after it, as Parley's tables patch (patchRate off). Parley's CPU per action is
 * compared with this room's, measured in the same run with the same clients and pacing, so
 * the ratio shows what Parley adds on top of the framework.
 */

export class MinimalTable extends Schema {
  @type("uint16") turn = 0;
  @type("uint8") toAct = 0;
  @type("uint32") price = 0;
}

export class MinimalRoom extends Room<MinimalTable> {
  override maxClients = 2;

  override onCreate(): void {
    (this as { patchRate: number | null }).patchRate = null;
    this.setState(new MinimalTable());
    this.onMessage("offer", (client: Client, price: unknown) => {
      const seat = this.clients.indexOf(client);
      if (seat !== this.state.toAct || typeof price !== "number") return;
      actions += 1;
      this.state.price = price;
      this.state.turn += 1;
      this.state.toAct = 1 - seat;
      this.broadcastPatch();
    });
  }
}

export type MinimalServerMethods = {
  listen: (params: { maxPayload: number }) => Promise<{ port: number }>;
  sample: (params: null) => ProcessSample & { readonly actions: number };
  close: (params: null) => Promise<null>;
};

let server: Server | null = null;
let actions = 0;

const methods: MinimalServerMethods = {
  listen: async ({ maxPayload }) => {
    const httpServer = http.createServer();
    const transport = new WebSocketTransport({ server: httpServer, maxPayload });
    server = new Server({ transport, greet: false });
    server.define("minimal", MinimalRoom);
    await server.listen(0, "127.0.0.1");
    return { port: (httpServer.address() as AddressInfo).port };
  },
  sample: () => ({ ...sampleProcess(), actions }),
  close: async () => {
    await server?.gracefullyShutdown(false).catch(() => undefined);
    return null;
  },
};

if (!serveRpc(methods)) {
  process.stderr.write("minimalRoomServer runs as a child of the benchmark (it needs an IPC channel)\n");
  process.exit(2);
}
process.on("disconnect", () => process.exit(0));

import type { IncomingMessage } from "node:http";
// Only the type: importing @colyseus/tools itself reads settings files (server/transport.ts).
import type { ConfigOptions } from "@colyseus/tools";
import { matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { replyToError } from "./http/apiReply.js";
import { putFrontDoor } from "./http/frontDoor.js";
import { originPolicy } from "./http/origins.js";
import { apiRoutes } from "./http/routes.js";
import { serveClient } from "./http/staticClient.js";
import { TableRoom } from "./room/TableRoom.js";
import { resumeOnJoin, type TableResumer } from "./persistence/resume.js";
import type { WorkshopResumer } from "./persistence/resumeWorkshop.js";
import type { TableServices } from "./room/services.js";
import { TABLE_ROOM } from "./tables/tableSpec.js";
import { WORKSHOP_ROOM } from "../shared/protocol/workshop.js";
import { WorkshopRoom } from "./workshop/WorkshopRoom.js";

/**
 * The whole application as a @colyseus/tools config: transport, HTTP routes and the table room.
 * Clients may only join a table they know the code of, or reconnect: they can neither create
 * rooms nor be matched into one (tables are opened through POST /api/tables).
 */
export function appConfig(services: TableServices, resumers: { tables: TableResumer; workshops: WorkshopResumer }): ConfigOptions {
  const origins = originPolicy(services.config.ALLOWED_ORIGINS);
  return {
    initializeTransport: (options: ConstructorParameters<typeof WebSocketTransport>[0]) =>
      new WebSocketTransport({
        ...options,
        maxPayload: services.config.MAX_PAYLOAD_BYTES,
        // Colyseus pings every socket at once; heartbeat.ts spreads the pings over the interval.
        pingInterval: 0,
        // The game socket follows the same origin rule as HTTP (a refused upgrade gets 401).
        verifyClient: (info: { req: IncomingMessage }) => origins.allows(info.req),
      }),
    initializeExpress: (app) => {
      app.disable("x-powered-by");
      // No ETag on API answers: each one is a SHA-1 of the body, for a table or seat that is
      // never asked for twice (the client files keep theirs: express.static sets its own).
      app.set("etag", false);
      app.use(apiRoutes(services));
      serveClient(app, services.config.CLIENT_DIST, services.logger);
      app.use(replyToError(services.logger));
    },
    initializeGameServer: (gameServer) => {
      matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
      // Colyseus writes its own CORS headers on matchmaking answers (any origin, with
      // credentials): replace them with ours. Other origins never get this far (frontDoor.ts).
      Object.assign(matchMaker.controller, { DEFAULT_CORS_HEADERS: {}, getCorsHeaders: origins.corsHeaders });
      if (gameServer.transport.server) putFrontDoor(gameServer.transport.server, services.config, origins, services.logger);
      resumeOnJoin(resumers.tables, resumers.workshops);
      gameServer.define(TABLE_ROOM, TableRoom, { services });
      gameServer.define(WORKSHOP_ROOM, WorkshopRoom, { services });
    },
  };
}

import type { EventEmitter } from "node:events";
import type { RequestListener } from "node:http";
import express from "express";
import type { ServerConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { addressLimit } from "./addressLimit.js";
import { isMatchmaking, replyToError } from "./apiReply.js";
import { boundedBody } from "./bodyLimit.js";
import { originGate, type OriginPolicy } from "./origins.js";
import { securityHeaders } from "./securityHeaders.js";

/**
 * Put a front door before whatever answers requests on `server` now (Colyseus' matchmaking, then
 * the Express app): security headers, the CORS gate, the body size limit and the per-address
 * limits, for every HTTP request. It cannot live inside the Express app: Colyseus takes the
 * matchmaking routes (`POST /matchmake/…`) off the server's request listener before Express is
 * reached, and reads their bodies whole.
 */
export function putFrontDoor(server: EventEmitter, config: ServerConfig, origins: OriginPolicy, logger: Logger): void {
  const behind = server.listeners("request") as RequestListener[];
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY ?? false);
  app.use(securityHeaders(), originGate(origins), boundedBody);

  // One budget for both: a table and a workshop each open rooms.
  app.post(["/api/tables", "/api/workshops"], addressLimit(config.CREATE_PER_MINUTE, "tables or workshops opened"));
  // Scenario saves have their own budget: an author saving as they go must not use up the tables.
  const saves = addressLimit(config.CREATE_PER_MINUTE, "scenario saves");
  app.post("/api/scenarios", saves);
  app.put("/api/scenarios/:id", saves);
  app.get("/api/workshops/:code", addressLimit(config.LOOKUP_PER_MINUTE, "workshop codes looked up"));
  const joins = addressLimit(config.JOIN_PER_MINUTE, "joins");
  app.use((req, res, next) => (req.method === "POST" && isMatchmaking(req) ? joins(req, res, next) : next()));

  app.use((req, res) => {
    for (const listener of behind) listener.call(server, req, res);
  });
  app.use(replyToError(logger));

  server.removeAllListeners("request");
  server.on("request", app);
}

import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import type { Logger } from "../logger.js";

/**
 * Serve the built web client when there is one, with index.html for any other GET so the
 * client's own routes (/t/CODE, …) load. Without a build the server still runs: API and game only.
 */
export function serveClient(app: Express, distDir: string, logger: Logger): boolean {
  const root = path.resolve(distDir);
  const index = path.join(root, "index.html");
  if (!existsSync(index)) {
    logger.info({ dir: root }, "no built web client: serving the API and game socket only");
    return false;
  }
  app.use(express.static(root, { index: false, maxAge: "1h" }));
  app.get(/^\/(?!api\/|healthz$|matchmake\/).*/, (_req, res) => res.sendFile(index));
  logger.info({ dir: root }, "serving the web client");
  return true;
}

import type { AddressInfo } from "node:net";
import { matchMaker, Server } from "@colyseus/core";
import { getTransport } from "@colyseus/tools";
import { appConfig } from "./app.js";
import type { ServerConfig } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import type { TableServices } from "./room/services.js";
import { shippedCatalog, type Catalog } from "./scenarios/catalog.js";

export type StartOptions = {
  readonly logger?: Logger;
  readonly catalog?: Catalog;
  /** Let SIGINT/SIGTERM shut the server down gracefully and exit (the real process, not tests). */
  readonly handleSignals?: boolean;
};

export type RunningServer = {
  readonly server: Server;
  readonly port: number;
  readonly services: TableServices;
  /** Close every table (never scored as a walk-away) and stop listening. */
  readonly stop: () => Promise<void>;
};

/**
 * Build the app and listen on HOST:PORT. @colyseus/tools' own listen() binds every interface;
 * this binds only the one configured (127.0.0.1 unless HOST says otherwise).
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const services: TableServices = { config, catalog: options.catalog ?? shippedCatalog(), logger };
  const app = appConfig(services);
  const transport = await getTransport(app);
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: options.handleSignals ?? false,
    logger: logger.child({ module: "colyseus" }),
  });
  server.onShutdown(() => logger.info("server stopped"));
  await app.initializeGameServer?.(server);
  await matchMaker.onReady;
  await server.listen(config.PORT, config.HOST);
  const port = (transport.server?.address() as AddressInfo).port;
  return { server, port, services, stop: () => server.gracefullyShutdown(false) };
}

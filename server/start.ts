import type { AddressInfo } from "node:net";
import { matchMaker, Server, type MatchMakerDriver, type Presence } from "@colyseus/core";
import { appConfig } from "./app.js";
import { processName, type ServerConfig } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import { Leases } from "./persistence/leases.js";
import { TableResumer } from "./persistence/resume.js";
import { WorkshopResumer } from "./persistence/resumeWorkshop.js";
import type { TableServices } from "./room/services.js";
import type { Scenario } from "../shared/engine/index.js";
import { SCENARIOS } from "../shared/scenarios/index.js";
import { loadScenarioFolder } from "./scenarios/folder.js";
import { ScenarioLibrary } from "./scenarios/library.js";
import { listenProblem } from "./listenProblem.js";
import { stopPm2Metrics } from "./processMetrics.js";
import { checkRedisReachable } from "./redisReach.js";
import { IndexedLocalDriver } from "./roomListings.js";
import { openStore, storageSettingsOf } from "./storage/open.js";
import { buildTransport } from "./transport.js";

export type StartOptions = {
  readonly logger?: Logger;
  /** The scenarios this server ships as read-only library entries (tests add their own); the shipped three by default. */
  readonly shipped?: readonly Scenario[];
  /** Let SIGINT/SIGTERM shut the server down gracefully and exit (the real process, not tests). */
  readonly handleSignals?: boolean;
};

export type RunningServer = {
  readonly server: Server;
  readonly port: number;
  readonly services: TableServices;
  /** Games in progress and workshops taken up at start (restart recovery), and how long that took. */
  readonly recovered: { readonly tables: number; readonly workshops: number; readonly ms: number };
  /** Drain every table (never scored as a walk-away), hand back its leases and stop listening. */
  readonly stop: () => Promise<void>;
};

/**
 * Open the store, build the app and listen on HOST:PORT, then take up the games in progress
 * that no live process holds (after a restart: all of this process's). It binds only the
 * interface configured (127.0.0.1 unless HOST says otherwise), where @colyseus/tools' listen()
 * would bind every one. With REDIS_URL, rooms are listed in Redis so any process can find them;
 * without, in this process's memory, indexed by room id.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  await stopPm2Metrics();
  // Before anything is opened, so that nothing is left to close if Redis is out of reach.
  if (config.REDIS_URL) await checkRedisReachable(config.REDIS_URL);
  const store = await openStore(storageSettingsOf(config), { onBackgroundError: (error) => logger.error({ err: error }, "storage connection failed") });
  const leases = new Leases(store, processName(config), config.LEASE_SECONDS * 1000, logger.child({ module: "leases" }));
  const scenarios = new ScenarioLibrary(store, options.shipped ?? Object.values(SCENARIOS), logger.child({ module: "scenarios" }));
  try {
    // Before any table is resumed: a table pins a library version, which must be there.
    await scenarios.keepShipped(Date.now());
    if (config.SCENARIOS_DIR) await loadScenarioFolder(config.SCENARIOS_DIR, scenarios, logger, Date.now());
  } catch (error) {
    await store.close();
    throw error;
  }
  const services: TableServices = { config, scenarios, logger, store, leases };
  const resumer = new TableResumer(services);
  const workshops = new WorkshopResumer(services);
  const shared = config.REDIS_URL ? await redisShared(config.REDIS_URL) : { driver: new IndexedLocalDriver() };
  const app = appConfig(services, { tables: resumer, workshops });
  const transport = await buildTransport(app, logger.child({ module: "socket" }));
  const server = new Server({
    transport,
    greet: false,
    gracefullyShutdown: options.handleSignals ?? false,
    logger: logger.child({ module: "colyseus" }),
    ...shared,
    ...(config.PUBLIC_ADDRESS ? { publicAddress: config.PUBLIC_ADDRESS } : {}),
  });
  server.onBeforeShutdown(() => resumer.stop());
  // Runs once every room has drained and closed: nothing writes to the store after this.
  server.onShutdown(async () => {
    await leases.stop();
    await store.close();
    logger.info("server stopped");
  });
  try {
    await app.initializeGameServer?.(server);
    await matchMaker.onReady;
    await server.listen(config.PORT, config.HOST);
  } catch (error) {
    await store.close();
    throw listenProblem(error, config) ?? error;
  }
  const port = (transport.server?.address() as AddressInfo).port;
  leases.start();
  const began = Date.now();
  const tables = await resumer.adoptOrphans();
  const resumedWorkshops = await workshops.resumeAll();
  const recovered = { tables, workshops: resumedWorkshops, ms: Date.now() - began };
  logger.info(recovered, `resumed from the store: ${counted(tables, "open table")}, ${counted(resumedWorkshops, "workshop")}`);
  resumer.start();
  return { server, port, services, recovered, stop: () => server.gracefullyShutdown(false) };
}

const counted = (n: number, thing: string) => `${n} ${thing}${n === 1 ? "" : "s"}`;

/** Presence and room listings in Redis, shared by every process (their drivers load only when used). */
async function redisShared(url: string): Promise<{ presence: Presence; driver: MatchMakerDriver }> {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import("@colyseus/redis-presence"), import("@colyseus/redis-driver")]);
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}

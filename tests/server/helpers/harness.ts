import { ColyseusTestServer } from "@colyseus/testing";
import { matchMaker } from "@colyseus/core";
import type { Scenario } from "../../../shared/engine/index.js";
import type { JoinOptions } from "../../../shared/protocol/join.js";
import { configWith, type ServerConfig } from "../../../server/config.js";
import { createLogger } from "../../../server/logger.js";
import { catalogOf } from "../../../server/scenarios/catalog.js";
import { SCENARIOS } from "../../../shared/scenarios/index.js";
import { startServer, type RunningServer } from "../../../server/start.js";
import { openTable, type TableRequest } from "../../../server/tables/openTable.js";
import type { CreateTableResponse } from "../../../shared/protocol/api.js";
import type { TableRoom } from "../../../server/room/TableRoom.js";
import { Player } from "./player.js";
import { freePort } from "../../helpers/freePort.js";


export type Harness = {
  readonly running: RunningServer;
  readonly colyseus: ColyseusTestServer;
  readonly endpoint: string;
  readonly open: (request: TableRequest) => Promise<CreateTableResponse>;
  readonly join: (code: string, options: JoinOptions, label: string) => Promise<Player>;
  /** The live room of a table, for checks that look at the server side. */
  readonly room: (code: string) => TableRoom;
  readonly stop: () => Promise<void>;
};

/** The real app, booted in-process on a free port with test settings (bots think instantly). */
export async function bootServer(overrides: Partial<ServerConfig> = {}, extraScenarios: readonly Scenario[] = []): Promise<Harness> {
  const port = await freePort();
  const config = configWith({ PORT: port, HOST: "127.0.0.1", LOG_LEVEL: "silent", BOT_THINK_MS: 0, ...overrides });
  const logger = createLogger((process.env.PARLEY_TEST_LOG as ServerConfig["LOG_LEVEL"] | undefined) ?? "silent");
  const running = await startServer(config, { logger, catalog: catalogOf([...Object.values(SCENARIOS), ...extraScenarios]) });
  const colyseus = new ColyseusTestServer(running.server);
  const endpoint = `ws://127.0.0.1:${running.port}`;
  const players: Player[] = [];
  return {
    running,
    colyseus,
    endpoint,
    open: async (request) => {
      const opened = await openTable(request, running.services);
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.table;
    },
    join: async (code, options, label) => {
      const player = await Player.join(endpoint, code, options, label);
      players.push(player);
      return player;
    },
    room: (code) => matchMaker.getLocalRoomById(code) as TableRoom,
    stop: async () => {
      await Promise.all(players.filter((p) => p.isOpen).map((p) => p.room.leave(true).catch(() => undefined)));
      await running.stop();
    },
  };
}

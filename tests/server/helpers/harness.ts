import { ColyseusTestServer } from "@colyseus/testing";
import { matchMaker } from "@colyseus/core";
import type { Scenario } from "../../../shared/engine/index.js";
import type { JoinOptions } from "../../../shared/protocol/join.js";
import { configWith, type ServerConfig } from "../../../server/config.js";
import { createLogger } from "../../../server/logger.js";
import { SCENARIOS } from "../../../shared/scenarios/index.js";
import { startServer, type RunningServer } from "../../../server/start.js";
import { openTable, openWorkshopTable, type TableRequest } from "../../../server/tables/openTable.js";
import { openWorkshop } from "../../../server/workshop/openWorkshop.js";
import { hashSecret, newSecret } from "../../../server/storage/secrets.js";
import type { CreateTableResponse } from "../../../shared/protocol/api.js";
import type { TableRoom } from "../../../server/room/TableRoom.js";
import { Player } from "./player.js";
import { freePort } from "../../helpers/freePort.js";


export type FacilitatedTable = { readonly code: string; readonly seats: { readonly buyer: string; readonly seller: string }; readonly facilitatorSecret: string };

export type Harness = {
  readonly running: RunningServer;
  readonly colyseus: ColyseusTestServer;
  readonly endpoint: string;
  readonly open: (request: TableRequest) => Promise<CreateTableResponse>;
  /**
   * A table with a facilitator: only a workshop's tables have one, so this opens a workshop and
   * a table of its first round the way the workshop does, with any request (short turns too).
   */
  readonly openFacilitated: (request: TableRequest) => Promise<FacilitatedTable>;
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
  const running = await startServer(config, { logger, shipped: [...Object.values(SCENARIOS), ...extraScenarios] });
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
    openFacilitated: async (request) => {
      const workshop = await openWorkshop({ title: "Harness workshop", scenarioId: request.scenarioId, deck: "random", oddSeat: "bot", botLevel: "easy" }, running.services);
      if (!workshop.ok) throw new Error(workshop.error.message);
      const { code: workshopCode, facilitatorSecret } = workshop.workshop;
      const seats = { buyer: newSecret(), seller: newSecret() };
      const keys = { seats: { buyer: hashSecret(seats.buyer), seller: hashSecret(seats.seller) }, facilitator: hashSecret(facilitatorSecret) };
      const opened = await openWorkshopTable(request, { id: workshopCode, round: 1 }, keys, running.services);
      if (!opened.ok) throw new Error(opened.error.message);
      return { code: opened.code, seats, facilitatorSecret };
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

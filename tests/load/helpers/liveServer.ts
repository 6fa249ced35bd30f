import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import type { JoinOptions } from "../../../shared/protocol/join.js";
import type { CreateTableResponse } from "../../../shared/protocol/api.js";
import { startParley, type ParleyServer } from "../../../scripts/bench-load/parleyServer.js";
import type { LogCounts } from "../../../scripts/bench-load/serverLog.js";
import { openTableOverHttp } from "../../../scripts/bench-load/tablesApi.js";
import { BufferingClient } from "../../../scripts/bench-load/earlyMessages.js";
import { openWorkshopTableOverWire } from "../../../scripts/bench-load/workshopTable.js";
import { Player } from "../../server/helpers/player.js";

/*
 * The real server in its own process (production settings, the bench probe preloaded), so a
 * test can hit it from outside as an attacker would, and still ask it whether it is alive,
 * how many rooms it holds and whether it logged an error.
 */

export type LiveServer = {
  readonly server: ParleyServer;
  readonly open: (scenarioId?: string) => Promise<CreateTableResponse>;
  readonly join: (code: string, options: JoinOptions, label: string) => Promise<Player>;
  /** A table with both players seated and the game started, plus the given watchers. */
  readonly seated: (label: string, watchers?: { observers?: number; facilitator?: boolean }) => Promise<SeatedTable>;
  /** The server answers HTTP and its process has thrown nothing. */
  readonly healthy: () => Promise<boolean>;
  /** Everyone leaves, the server shuts down; its exit code and what it logged. */
  readonly stop: () => Promise<{ readonly exit: number; readonly log: LogCounts }>;
};

export type SeatedTable = {
  /** A table with a facilitator is a workshop's (its seat tokens are the participants'). */
  readonly table: Pick<CreateTableResponse, "code" | "seats">;
  readonly seller: Player;
  readonly buyer: Player;
  readonly observers: readonly Player[];
  readonly facilitator: Player | null;
  readonly everyone: readonly Player[];
};

export async function liveServer(settings: Readonly<Record<string, string>> = {}): Promise<LiveServer> {
  const workDir = mkdtempSync(joinPath(tmpdir(), "parley-load-test-"));
  const server = await startParley({ workDir, settings });
  const players: Player[] = [];
  const join = async (code: string, options: JoinOptions, label: string) => {
    const player = await Player.join(server.endpoint, code, options, label);
    players.push(player);
    return player;
  };
  const open = (scenarioId = "backup-appliance") => openTableOverHttp(server.httpBase, { scenarioId });
  return {
    server,
    open,
    join,
    seated: async (label, watchers = {}) => {
      const table = watchers.facilitator ? await openWorkshopTableOverWire(server.httpBase, new BufferingClient(server.endpoint), "backup-appliance") : await open();
      const seller = await join(table.code, { seat: table.seats.seller! }, `${label} seller`);
      const buyer = await join(table.code, { seat: table.seats.buyer! }, `${label} buyer`);
      const observers: Player[] = [];
      for (let i = 0; i < (watchers.observers ?? 0); i++) observers.push(await join(table.code, {}, `${label} observer ${i}`));
      const facilitator = "facilitatorSecret" in table ? await join(table.code, { facilitator: table.facilitatorSecret }, `${label} facilitator`) : null;
      const everyone = [seller, buyer, ...observers, ...(facilitator ? [facilitator] : [])];
      return { table, seller, buyer, observers, facilitator, everyone };
    },
    healthy: async () => {
      if (!server.probe.running) return false;
      const response = await fetch(`${server.httpBase}/healthz`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
      const figures = await server.probe.call("sample", { gc: false });
      return response?.ok === true && figures.uncaught === 0;
    },
    stop: async () => {
      await Promise.all(players.filter((p) => p.isOpen).map((p) => p.room.leave(true).catch(() => undefined)));
      const exit = await server.stop();
      const log = await server.log();
      rmSync(workDir, { recursive: true, force: true });
      return { exit, log };
    },
  };
}

import { ErrorCode, matchMaker } from "@colyseus/core";
import { SingleFlight } from "./singleFlight.js";
import type { Logger } from "../logger.js";
import { routeMatchmaking } from "../room/colyseusInternals.js";
import type { TableServices } from "../room/services.js";
import { TABLE_CODE_PATTERN } from "../tables/tableCode.js";
import { TABLE_ROOM } from "../tables/tableSpec.js";
import type { WorkshopResumer } from "./resumeWorkshop.js";

/** Slack over the lease time when waiting for another process's lease to run out (clock skew). */
const LEASE_SLACK_MS = 1000;

/**
 * Brings stored tables back into this process: on a join by code that finds no live room (the
 * server restarted, or the process hosting the table died), and for games in progress that no
 * live process holds (so their clocks run even if nobody comes back). A table is built the way
 * a new one is — TableRoom loads and replays it — and only after its lease is this process's.
 */
export class TableResumer {
  private readonly pending = new SingleFlight<boolean>();
  private sweeper: NodeJS.Timeout | null = null;
  private readonly log: Logger;

  constructor(private readonly services: TableServices) {
    this.log = services.logger.child({ module: "resume" });
  }

  /**
   * Host the table here if the store has it and no live room does. True when a room for it
   * is listed afterwards; false when there is nothing to resume or it lives elsewhere.
   */
  resume(code: string): Promise<boolean> {
    return this.pending.run(code, () => this.resumeOnce(code));
  }

  /** Resume every game in progress that no live process holds; returns how many came back. */
  async adoptOrphans(): Promise<number> {
    const { store, leases } = this.services;
    const codes = (await store.findOrphanedTables(leases.owner, Date.now())).filter((code) => !leases.hosts(code));
    let resumed = 0;
    for (const code of codes) if (await this.resume(code)) resumed += 1;
    return resumed;
  }

  /** Look for orphaned games as often as leases are renewed, until stop(). */
  start(): void {
    if (this.sweeper) return;
    const every = Math.max(100, Math.floor(this.services.leases.leaseMs / 3));
    this.sweeper = setInterval(() => void this.adoptOrphans().catch((error: unknown) => this.log.error({ err: error }, "orphan sweep failed")), every);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  /**
   * The store's lease, not the room listing, says who hosts an open table: a listing outlives
   * a process that died or froze, while a live host keeps renewing its lease.
   */
  private async resumeOnce(code: string): Promise<boolean> {
    const local = matchMaker.getLocalRoomById(code);
    // Hosted here already: list it again, in case a process that lost the table removed it.
    if (local) return void (await local.listing.save()), true;
    const { store, leases } = this.services;
    const stored = await store.loadTable(code);
    if (!stored || stored.closedAt !== null) return false;
    const listed = Boolean(await matchMaker.getRoomById(code));
    if (stored.status === "finished" && listed) return false;
    const heldUntil = stored.status === "open" && stored.owner !== null && stored.owner !== leases.owner ? (stored.leaseUntil ?? 0) : 0;
    if (heldUntil > Date.now()) {
      // A live lease and a listing: its host is alive as far as anyone can tell.
      if (listed) return false;
      // Unlisted (Colyseus dropped a dead process's rooms) but its lease has to run out first.
      const wait = heldUntil - Date.now();
      if (wait > leases.leaseMs + LEASE_SLACK_MS) return false;
      await new Promise((resolve) => setTimeout(resolve, wait + 10));
    }
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return false;
    try {
      await matchMaker.handleCreateRoom(TABLE_ROOM, { code });
      return true;
    } catch (error) {
      // Another process won the race for the lease, or the table cannot be rebuilt (logged by the room).
      this.log.info({ table: code, err: error }, "table not resumed here");
      return false;
    }
  }
}

/**
 * Joining a table or a workshop by code goes through the resumers: one on record with no live
 * room is brought back first; a join that fails because the listed room's process is gone
 * (Colyseus then drops the dead process's listings) is tried once more after bringing it back
 * here. Refused credentials are answered as they are. Everything else passes straight to Colyseus.
 */
export function resumeOnJoin(tables: TableResumer, workshops: WorkshopResumer): void {
  const resume = async (code: string) => (await tables.resume(code)) || (await workshops.resume(code));
  routeMatchmaking((invoke) => async (method, roomName, clientOptions, authOptions) => {
    if (method !== "joinById" || !TABLE_CODE_PATTERN.test(roomName)) return invoke(method, roomName, clientOptions, authOptions);
    if (!(await matchMaker.getRoomById(roomName))) await resume(roomName);
    try {
      return await invoke(method, roomName, clientOptions, authOptions);
    } catch (error) {
      if ((error as { code?: number }).code === ErrorCode.AUTH_FAILED || !(await resume(roomName))) throw error;
      return invoke(method, roomName, clientOptions, authOptions);
    }
  });
}

import { matchMaker } from "@colyseus/core";
import { WORKSHOP_ROOM } from "../../shared/protocol/workshop.js";
import { SingleFlight } from "./singleFlight.js";
import type { Logger } from "../logger.js";
import type { TableServices } from "../room/services.js";

/** How long one process may take to rebuild a workshop before another may try. */
const REBUILD_LOCK_SECONDS = 30;

/**
 * Brings workshops on record back into this process: every open one at start (after a
 * restart), and one a participant or facilitator asks for by code when no live room has it
 * (its process died). The room rebuilds itself from the store (WorkshopRoom `{ resume }`); a
 * short lock on the shared presence keeps two processes from rebuilding the same workshop.
 */
export class WorkshopResumer {
  private readonly pending = new SingleFlight<boolean>();
  private readonly log: Logger;

  constructor(private readonly services: TableServices) {
    this.log = services.logger.child({ module: "resume" });
  }

  /** True when the workshop was rebuilt here (or is hosted here already). */
  resume(code: string): Promise<boolean> {
    return this.pending.run(code, () => this.resumeOnce(code));
  }

  /** Rebuild every open workshop no live process hosts; returns how many came back here. */
  async resumeAll(): Promise<number> {
    let resumed = 0;
    for (const workshop of await this.services.store.loadOpenWorkshops()) if (await this.resume(workshop.id)) resumed += 1;
    return resumed;
  }

  private async resumeOnce(code: string): Promise<boolean> {
    if (matchMaker.getLocalRoomById(code)) return true;
    if (await matchMaker.getRoomById(code)) return false;
    const stored = await this.services.store.loadWorkshop(code);
    if (!stored || stored.status !== "open") return false;
    const lock = `parley:workshop-rebuild:${code}`;
    if ((await matchMaker.presence.hincrbyex(lock, "n", 1, REBUILD_LOCK_SECONDS)) !== 1) return false;
    try {
      // Listed meanwhile: another process finished its rebuild before this one took the lock.
      if (await matchMaker.getRoomById(code)) return false;
      if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return false;
      await matchMaker.handleCreateRoom(WORKSHOP_ROOM, { resume: code });
      return true;
    } catch (error) {
      this.log.error({ workshop: code, err: error }, "workshop not rebuilt");
      return false;
    } finally {
      await matchMaker.presence.del(lock);
    }
  }
}

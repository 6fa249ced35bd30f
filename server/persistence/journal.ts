import type { Action, Role, TableState } from "../../shared/engine/index.js";
import type { SecretHash } from "../storage/secrets.js";
import type { Store, TableResult } from "../storage/store.js";

/**
 * What one table writes to the store, in the order it happens: the start of the game, every
 * action the engine accepted (or that changed the state while refused), seat names, and the
 * end. It numbers the log, and every append carries this process's name so that a process
 * whose table was taken over writes nothing more.
 */
export class TableJournal {
  constructor(
    private readonly store: Store,
    private readonly code: string,
    private readonly owner: string,
    /** Entries logged so far (the next one gets seq logged + 1). */
    private logged: number,
  ) {}

  started(at: number): Promise<void> {
    return this.store.startTable(this.code, at);
  }

  /** Durable when it resolves; the result is committed with the action that ended the game. */
  async record(action: Action, at: number, after: TableState): Promise<void> {
    const finish = resultOf(after, at);
    await this.store.appendAction(this.code, { seq: this.logged + 1, action, at }, { owner: this.owner, ...(finish ? { finish } : {}) });
    this.logged += 1;
  }

  seat(role: Role, tokenHash: SecretHash | null, name: string): Promise<void> {
    return this.store.setSeat(this.code, role, { tokenHash, name });
  }

  closed(at: number): Promise<void> {
    return this.store.closeTable(this.code, at);
  }
}

/** The stored result of a state that is over, or null while the game goes on. */
export function resultOf(state: TableState, at: number): TableResult | null {
  if (state.phase !== "finished" || !state.outcome || !state.score) return null;
  return { finishedAt: at, outcome: state.outcome, score: state.score };
}

import type { Logger } from "../logger.js";
import type { Store } from "../storage/store.js";

type Held = { readonly onLost: () => void; readonly generation: number };

/**
 * The tables this process hosts, and its leases on them in the store. A table is played in one
 * process's memory at a time: that process holds its lease and renews it every third of the
 * lease time. A lease that runs out (the process died, froze, or lost the database) lets
 * another process claim the table and resume it from the store; the store's owner check on
 * every append keeps the old process from writing after that, and its next renewal tells it to
 * let the table go.
 */
export class Leases {
  private readonly held = new Map<string, Held>();
  private generation = 0;
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    readonly owner: string,
    readonly leaseMs: number,
    private readonly log: Logger,
  ) {}

  /**
   * Take `code` for this process, calling `onLost` if the lease is ever lost. False when this
   * process hosts it already or another process holds a lease that has not run out.
   */
  async claim(code: string, onLost: () => void): Promise<boolean> {
    if (this.held.has(code)) return false;
    // Reserved before the first await, so two rooms of this process cannot both take the code.
    const entry = { onLost, generation: ++this.generation };
    this.held.set(code, entry);
    try {
      if (await this.store.claimTable(code, this.owner, this.leaseMs, Date.now())) return true;
    } catch (error) {
      this.forget(code, entry);
      throw error;
    }
    this.forget(code, entry);
    return false;
  }

  /** Whether this process hosts the table. */
  hosts(code: string): boolean {
    return this.held.has(code);
  }

  /** The table is no longer played here (finished, closed or disposed): stop renewing it. */
  forget(code: string, entry: Held | undefined = this.held.get(code)): void {
    if (entry && this.held.get(code) === entry) this.held.delete(code);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  /** One renewal round; tables missing from the store's answer were taken over and are let go. */
  renew(): Promise<void> {
    this.renewing ??= this.renewOnce().finally(() => (this.renewing = null));
    return this.renewing;
  }

  /** Stop renewing and hand every table back, so another process may resume them at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
    this.held.clear();
    await this.store.releaseTables(this.owner);
  }

  private async renewOnce(): Promise<void> {
    // Tables claimed while the renewal is under way may be missing from its answer: not lost.
    const asOf = this.generation;
    let kept: Set<string>;
    try {
      kept = new Set(await this.store.renewLeases(this.owner, this.leaseMs, Date.now()));
    } catch (error) {
      this.log.error({ err: error }, "could not renew table leases");
      return;
    }
    for (const [code, entry] of this.held)
      if (entry.generation <= asOf && !kept.has(code)) {
        this.held.delete(code);
        this.log.warn({ table: code }, "table lease lost: another process resumes it");
        entry.onLost();
      }
  }
}

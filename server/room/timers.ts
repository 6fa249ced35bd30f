/**
 * Named one-shot timers of one room. With `patchRate = null` the room clock never ticks, so
 * plain timers drive deadlines: one per purpose, replaced when re-set, all cleared on dispose.
 */
export class Timers {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onError: (error: unknown, name: string) => void) {}

  set(name: string, delayMs: number, run: () => void): void {
    this.clear(name);
    const handle = setTimeout(() => {
      this.pending.delete(name);
      try {
        run();
      } catch (error) {
        this.onError(error, name);
      }
    }, Math.max(0, delayMs));
    this.pending.set(name, handle);
  }

  clear(name: string): void {
    const handle = this.pending.get(name);
    if (handle) clearTimeout(handle);
    this.pending.delete(name);
  }

  has(name: string): boolean {
    return this.pending.has(name);
  }

  clearAll(): void {
    for (const handle of this.pending.values()) clearTimeout(handle);
    this.pending.clear();
  }
}

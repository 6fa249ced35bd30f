/**
 * At most one task per key under way: a second caller for the same key gets the first one's
 * promise instead of starting it again (two players rejoining the same table at once resume it
 * once).
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, task: () => Promise<T>): Promise<T> {
    let pending = this.running.get(key);
    if (!pending) {
      pending = task().finally(() => this.running.delete(key));
      this.running.set(key, pending);
    }
    return pending;
  }
}

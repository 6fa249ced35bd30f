/**
 * Runs a table's jobs one at a time, in the order they came. Each action is applied to the
 * state the previous one left and written to the store before it is broadcast, so while one
 * write is under way the next action waits instead of racing it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(job);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Settles once every job queued so far has. */
  drained(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

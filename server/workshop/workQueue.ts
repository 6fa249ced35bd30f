/**
 * Costly pure work (draw analyses, game summaries: tens to hundreds of milliseconds each) run
 * one job per turn of the event loop, so a round ending at twenty tables at once never holds
 * up the tables' own messages and timers for seconds.
 */
export class WorkQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled: NodeJS.Immediate | null = null;
  private stopped = false;

  constructor(private readonly onError: (error: unknown) => void) {}

  push(job: () => void): void {
    if (this.stopped) return;
    this.jobs.push(job);
    this.schedule();
  }

  /** Resolves once every job queued so far has run (tests, export). */
  drained(): Promise<void> {
    return new Promise((resolve) => this.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.jobs.length = 0;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
  }

  private schedule(): void {
    if (this.scheduled || this.jobs.length === 0) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = null;
      const job = this.jobs.shift();
      try {
        job?.();
      } catch (error) {
        this.onError(error);
      }
      this.schedule();
    });
  }
}

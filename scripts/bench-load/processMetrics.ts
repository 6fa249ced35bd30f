import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

/*
 * Figures a measured process reports about itself: CPU time (user + system, all threads,
 * the garbage collector's included), memory, and event-loop delay while a window is open.
 * Numbers only: nothing here can carry game data.
 */

export type ProcessSample = {
  readonly cpuUs: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  /** Memory of Buffers and other off-heap objects. */
  readonly external: number;
  readonly at: number;
};

export type LoopDelay = { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number; readonly samples: number };

export function sampleProcess(): ProcessSample {
  const { user, system } = process.cpuUsage();
  const m = process.memoryUsage();
  return { cpuUs: user + system, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, at: performance.now() };
}

/** A full collection when the process runs with --expose-gc; false when it cannot. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

/**
 * Event-loop delay, sampled every 5 ms but only while a window is open: an idle process with
 * the monitor off wakes up for nothing, so idle CPU is not inflated by the measurement.
 */
export class LoopDelayWindow {
  private histogram: IntervalHistogram | null = null;

  open(): void {
    this.histogram?.disable();
    this.histogram = monitorEventLoopDelay({ resolution: 5 });
    this.histogram.enable();
  }

  close(): LoopDelay {
    const delay = this.read();
    this.histogram?.disable();
    this.histogram = null;
    return delay;
  }

  /** The delay so far, the window staying open. */
  read(): LoopDelay {
    const h = this.histogram;
    if (!h) return { p50Ms: 0, p99Ms: 0, maxMs: 0, samples: 0 };
    // The histogram counts the timer's own period in every sample: subtract it to get the delay.
    const ms = (ns: number) => Math.max(0, ns / 1e6 - 5);
    return { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max), samples: h.count };
  }
}

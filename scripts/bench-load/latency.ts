/*
 * Latency samples of one measurement window, kept exactly (no bucketing): a window holds at
 * most `capacity` samples, far more than any bounded run produces; past that, later samples
 * are counted but not kept, and the summary says so.
 */

export type LatencySummary = { readonly count: number; readonly p50: number; readonly p99: number; readonly max: number; readonly dropped: number };

export class LatencyLog {
  private samples: Float64Array;
  private size = 0;
  private dropped = 0;

  constructor(private readonly capacity = 4_000_000) {
    this.samples = new Float64Array(Math.min(capacity, 65_536));
  }

  add(ms: number): void {
    if (this.size === this.samples.length) {
      if (this.size >= this.capacity) {
        this.dropped += 1;
        return;
      }
      const grown = new Float64Array(Math.min(this.capacity, this.size * 2));
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.size++] = ms;
  }

  get count(): number {
    return this.size + this.dropped;
  }

  summary(): LatencySummary {
    const sorted = this.samples.slice(0, this.size).sort();
    return { count: this.count, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0, dropped: this.dropped };
  }
}

/** Nearest-rank percentile of sorted samples; 0 for none. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

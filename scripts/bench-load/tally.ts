import { LatencyLog, type LatencySummary } from "./latency.js";

/*
 * What a load generator counts in one measurement window: completed actions, games, joins,
 * latency at each kind of viewer, and every error by kind (with the first few messages kept,
 * so a failed run says what went wrong).
 */

export const VIEWPOINTS = ["actor", "opponent", "facilitator", "observer"] as const;
export type Viewpoint = (typeof VIEWPOINTS)[number];

export const ERROR_KINDS = [
  /** A join (or the table creation before it) failed or timed out. */
  "join_failed",
  /** The server answered a message with an `error` (a bot move it refused, a rate limit…). */
  "refused",
  /** A connection closed that the load generator did not close itself. */
  "unexpected_close",
  /** A sent action saw no view change at its sender within the deadline. */
  "no_patch",
  /** A reconnect after a deliberate drop failed. */
  "reconnect_failed",
  /** colyseus.js failed to decode something, or a client handler threw. */
  "client_exception",
  /** A view change came out of number: the server skipped one for this client. */
  "out_of_step",
  /** A bot found nothing to do on its turn. */
  "no_move",
  /** A table in play saw no progress for far longer than any bot thinks. */
  "stalled",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export type WindowReport = {
  readonly durationMs: number;
  readonly actions: number;
  readonly sent: number;
  readonly games: number;
  readonly joins: number;
  readonly drops: number;
  readonly reconnects: number;
  readonly latency: Record<Viewpoint, LatencySummary>;
  readonly errors: Partial<Record<ErrorKind, number>>;
  readonly errorSamples: readonly string[];
  /** Every error since the process started, windows or not (set-up and teardown included). */
  readonly allErrors: Partial<Record<ErrorKind, number>>;
  readonly allErrorSamples: readonly string[];
  readonly actionFrameBytes: number;
};

export class Tally {
  private started = performance.now();
  actions = 0;
  sent = 0;
  games = 0;
  joins = 0;
  drops = 0;
  reconnects = 0;
  private frameBytes = 0;
  private latency = freshLatency();
  private errors: Partial<Record<ErrorKind, number>> = {};
  private samples: string[] = [];
  private readonly allErrors: Partial<Record<ErrorKind, number>> = {};
  private readonly allSamples: string[] = [];

  /** Start a new window; everything counted so far is dropped. */
  reset(): void {
    this.started = performance.now();
    this.actions = this.sent = this.games = this.joins = this.drops = this.reconnects = this.frameBytes = 0;
    this.latency = freshLatency();
    this.errors = {};
    this.samples = [];
  }

  latencyAt(viewpoint: Viewpoint, ms: number): void {
    this.latency[viewpoint].add(ms);
    if (viewpoint === "actor") this.actions += 1;
  }

  sentAction(bytes: number): void {
    this.sent += 1;
    this.frameBytes += bytes;
  }

  error(kind: ErrorKind, detail: string): void {
    const line = `${kind}: ${detail.slice(0, 300)}`;
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
    if (this.samples.length < 10) this.samples.push(line);
    this.allErrors[kind] = (this.allErrors[kind] ?? 0) + 1;
    if (this.allSamples.length < 10) this.allSamples.push(line);
  }

  report(): WindowReport {
    const latency = Object.fromEntries(VIEWPOINTS.map((v) => [v, this.latency[v].summary()])) as Record<Viewpoint, LatencySummary>;
    return {
      durationMs: performance.now() - this.started,
      actions: this.actions,
      sent: this.sent,
      games: this.games,
      joins: this.joins,
      drops: this.drops,
      reconnects: this.reconnects,
      latency,
      errors: { ...this.errors },
      errorSamples: [...this.samples],
      allErrors: { ...this.allErrors },
      allErrorSamples: [...this.allSamples],
      actionFrameBytes: this.sent > 0 ? Math.round(this.frameBytes / this.sent) : 0,
    };
  }
}

function freshLatency(): Record<Viewpoint, LatencyLog> {
  return { actor: new LatencyLog(), opponent: new LatencyLog(), facilitator: new LatencyLog(), observer: new LatencyLog() };
}

export function errorTotal(errors: Partial<Record<ErrorKind, number>>): number {
  return Object.values(errors).reduce((a, b) => a + b, 0);
}

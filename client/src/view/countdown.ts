import type { Role } from "../../../shared/engine/roles.js";

/** What a countdown needs to redraw itself every frame without a new view-model. */
export type ClockVM = {
  readonly actor: Role;
  /** Server epoch ms at which the turn times out; null while paused. */
  readonly endsAt: number | null;
  readonly pausedRemainingMs: number | null;
  readonly turnMs: number;
  /** Server clock minus local clock. */
  readonly offsetMs: number;
};

export type CountdownVM = {
  readonly remainingMs: number;
  /** 1 when the turn starts, 0 when it runs out. */
  readonly fraction: number;
  readonly text: string;
  readonly urgent: boolean;
  readonly paused: boolean;
};

const URGENT_MS = 15_000;

export function countdownAt(clock: ClockVM, localNow: number): CountdownVM {
  const paused = clock.endsAt === null;
  const remainingMs =
    clock.endsAt === null ? Math.max(0, clock.pausedRemainingMs ?? 0) : Math.max(0, clock.endsAt - (localNow + clock.offsetMs));
  const scale = Math.max(clock.turnMs, remainingMs, 1);
  return {
    remainingMs,
    fraction: remainingMs / scale,
    text: formatClock(remainingMs),
    urgent: !paused && remainingMs <= URGENT_MS,
    paused,
  };
}

/** m:ss, rounding up so "0:00" only shows once time is really out. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

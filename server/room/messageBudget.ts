/**
 * A token bucket per connection: `burst` messages at once, refilled at `ratePerSecond`. Colyseus
 * 0.16 has no rate limit of its own, so without this one client could keep a room busy.
 */
export class MessageBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  /** Spend one message for `id`; false when the budget is used up. */
  take(id: string, now: number): boolean {
    const bucket = this.buckets.get(id) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(id, bucket);
    return allowed;
  }

  forget(id: string): void {
    this.buckets.delete(id);
  }
}

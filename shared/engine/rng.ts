/*
 * A small seeded PRNG (mulberry32) whose whole state is one uint32, so it can live inside the
 * plain-data game state and be replayed exactly.
 */

/** Hash a seed string to a uint32 (FNV-1a followed by a murmur3 finaliser for good spread). */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One step: the next state and a float in [0, 1). */
export function nextRandom(state: number): [next: number, value: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return [next, value];
}

/** A mutable cursor over the PRNG for code that draws many numbers in one step. */
export class Draw {
  constructor(public state: number) {}

  float(): number {
    const [next, value] = nextRandom(this.state);
    this.state = next;
    return value;
  }

  /** An integer in [min, max] on the grid min + k·step. */
  int(min: number, max: number, step = 1): number {
    const slots = Math.floor((max - min) / step) + 1;
    return min + Math.floor(this.float() * slots) * step;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { oncePerFrame } from "../../client/src/ui/oncePerFrame.js";

/*
 * One action arrives as a patch, then events, then private data: the table must be drawn once,
 * after the last of them, never half-updated in between.
 */
describe("oncePerFrame", () => {
  const frames: (() => void)[] = [];
  beforeEach(() => vi.stubGlobal("requestAnimationFrame", (callback: () => void) => frames.push(callback)));
  afterEach(() => {
    frames.splice(0);
    vi.unstubAllGlobals();
  });

  it("draws once per paint, with the newest model, however many updates came before it", () => {
    let model = 0;
    const drawn: number[] = [];
    const update = oncePerFrame(() => drawn.push(model));
    for (const next of [1, 2, 3]) {
      model = next;
      update();
    }
    expect(drawn).toEqual([]);
    frames.splice(0).forEach((paint) => paint());
    expect(drawn).toEqual([3]);
    model = 4;
    update();
    frames.splice(0).forEach((paint) => paint());
    expect(drawn).toEqual([3, 4]);
  });
});

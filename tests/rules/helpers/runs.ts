/** Property run counts, scaled by PARLEY_PROP_SCALE for a deeper search (e.g. 20 in a nightly job). */
export function runs(base: number): number {
  const scale = Number(process.env.PARLEY_PROP_SCALE ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

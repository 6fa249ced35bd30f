import type { GridTile } from "../../../shared/workshop/tile.js";

/*
 * The price strip of a grid tile, as positions along one axis (0 = left, 1 = right): the zone of
 * agreement (or the gap when there is none), both walk-aways and the offers on the table. The
 * axis spans the scenario's price range, widened to show any mark that falls outside it.
 */

export type StripMark = {
  readonly kind: "seller-walkaway" | "buyer-walkaway" | "seller-offer" | "buyer-offer" | "deal";
  readonly at: number;
  readonly value: number;
};

export type StripVM = {
  readonly min: number;
  readonly max: number;
  /** The ZOPA band (kind "zopa") or the gap between the walk-aways (kind "gap"); null while computed. */
  readonly band: { readonly kind: "zopa" | "gap"; readonly from: number; readonly to: number; readonly low: number; readonly high: number } | null;
  readonly marks: readonly StripMark[];
};

export function stripOf(tile: GridTile): StripVM {
  const values: { kind: StripMark["kind"]; value: number }[] = [
    { kind: "seller-walkaway", value: tile.seats.seller.walkAway },
    { kind: "buyer-walkaway", value: tile.seats.buyer.walkAway },
  ];
  if (tile.seats.seller.offer !== null) values.push({ kind: "seller-offer", value: tile.seats.seller.offer });
  if (tile.seats.buyer.offer !== null) values.push({ kind: "buyer-offer", value: tile.seats.buyer.offer });
  if (tile.deal !== null) values.push({ kind: "deal", value: tile.deal });
  const edges = tile.zopa ? [tile.zopa.low, tile.zopa.high] : [];
  const min = Math.min(tile.priceRange.min, ...values.map((v) => v.value), ...edges);
  const max = Math.max(tile.priceRange.max, ...values.map((v) => v.value), ...edges);
  const at = (v: number) => (max === min ? 0.5 : (v - min) / (max - min));
  const zopa = tile.zopa;
  const band =
    zopa === null
      ? null
      : zopa.exists && zopa.low <= zopa.high
        ? { kind: "zopa" as const, from: at(zopa.low), to: at(zopa.high), low: zopa.low, high: zopa.high }
        : { kind: "gap" as const, from: at(Math.min(zopa.low, zopa.high)), to: at(Math.max(zopa.low, zopa.high)), low: zopa.low, high: zopa.high };
  return { min, max, band, marks: values.map((v) => ({ kind: v.kind, value: v.value, at: at(v.value) })) };
}

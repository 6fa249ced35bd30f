import type { GridTile } from "../../../shared/workshop/tile.js";

/*
 * The price strip of a grid tile, as positions along one axis (0 = left, 1 = right): the zone of
 * agreement (or the gap when there is none) and the offers on the table. The zone is the
 * engine's (shared/engine/zone.ts): signable prices on the best terms, and once a deal is struck,
 * on the deal's own terms, so the deal sits inside it whenever both sides gained. Walk-aways are
 * net figures, not prices, so they are not marked on a price axis: the zone's edges are the
 * walk-aways turned into prices. The axis spans the scenario's price range, widened to show any
 * mark that falls outside it.
 */

export type StripMark = {
  readonly kind: "seller-offer" | "buyer-offer" | "deal";
  readonly at: number;
  readonly value: number;
};

export type StripVM = {
  readonly min: number;
  readonly max: number;
  /** The zone (kind "zopa") or the gap between what the seller needs and the buyer may pay (kind "gap"); null while computed. */
  readonly band: { readonly kind: "zopa" | "gap"; readonly from: number; readonly to: number; readonly low: number; readonly high: number; readonly onDeal: boolean } | null;
  readonly marks: readonly StripMark[];
};

export function stripOf(tile: GridTile): StripVM {
  const values: { kind: StripMark["kind"]; value: number }[] = [];
  if (tile.seats.seller.offer !== null) values.push({ kind: "seller-offer", value: tile.seats.seller.offer });
  if (tile.seats.buyer.offer !== null) values.push({ kind: "buyer-offer", value: tile.seats.buyer.offer });
  if (tile.deal !== null) values.push({ kind: "deal", value: tile.deal });
  const zone = tile.dealZone ?? tile.zopa;
  const edges = zone ? [zone.low, zone.high] : [];
  const min = Math.min(tile.priceRange.min, ...values.map((v) => v.value), ...edges);
  const max = Math.max(tile.priceRange.max, ...values.map((v) => v.value), ...edges);
  const at = (v: number) => (max === min ? 0.5 : (v - min) / (max - min));
  const onDeal = tile.dealZone !== null;
  const band =
    zone === null
      ? null
      : {
          kind: zone.exists ? ("zopa" as const) : ("gap" as const),
          from: at(Math.min(zone.low, zone.high)),
          to: at(Math.max(zone.low, zone.high)),
          low: zone.low,
          high: zone.high,
          onDeal,
        };
  return { min, max, band, marks: values.map((v) => ({ kind: v.kind, value: v.value, at: at(v.value) })) };
}

import { formatMoney } from "../../../shared/engine/terms.js";
import { tileOver, type GridTile } from "../../../shared/workshop/tile.js";
import { h } from "../ui/dom.js";
import { nameCut } from "./nameCut.js";
import { stripOf, type StripMark } from "./strip.js";
import { tableControlButtons, type TableControl } from "./tableControls.js";
import { concessionWords } from "./words.js";

/*
 * One tile of the live grid, drawn as DOM plus a small SVG strip: names, the game round, the
 * standing offers, both walk-aways and the ZOPA with the offers on it, the ledger, the cards,
 * the status, and buttons for this table alone.
 */

export type TileActions = {
  readonly watch: (code: string) => void;
  readonly control: (type: TableControl, code: string) => void;
};

const COLORS = { seller: "#b45309", buyer: "#2563eb", zopa: "#16a34a", gap: "#dc2626", deal: "#111827" };

export function tileView(tile: GridTile, actions: TileActions): HTMLElement {
  const money = (n: number) => formatMoney(n, tile.currency);
  const over = tileOver(tile.status);
  const seat = (role: "seller" | "buyer") => {
    const s = tile.seats[role];
    return h(
      "div",
      { class: `tile-seat${!over && tile.status !== "waiting" && tile.toAct === role ? " to-act" : ""}` },
      h("span", { class: "who" }, h("span", { class: `dot${s.connected ? " online" : ""}` }), nameCut(s.name, `who-${role}`)),
      h("span", { class: "figures" }, `${role === "seller" ? "Seller" : "Buyer"} · walk-away ${money(s.walkAway)} net`),
      h("span", { class: "figures" }, s.offer === null ? "No offer yet" : `Offer ${money(s.offer)}`),
    );
  };
  const zone = zoneText(tile, money);
  const { seller, buyer } = tile.seats;
  return h(
    "article",
    { class: "tile", "data-status": tile.status, "data-code": tile.code, "aria-label": `Table ${tile.index + 1}: ${seller.name} (seller) and ${buyer.name} (buyer)` },
    h(
      "header",
      { class: "tile-head" },
      h("h3", {}, `Table ${tile.index + 1}`),
      h("span", { class: "tile-code" }, tile.code),
      h("span", { class: "status-pill", title: tile.statusText }, tile.statusText),
    ),
    h("div", { class: "tile-seats" }, seat("seller"), seat("buyer")),
    h("div", { class: "tile-strip" }, stripSvg(tile)),
    h(
      "div",
      { class: "tile-facts" },
      h("span", {}, tile.status === "waiting" ? "Not started" : `Round ${tile.round} of ${tile.lastRound}`),
      h("span", {}, zone),
      tile.deal !== null ? h("strong", {}, `Deal ${money(tile.deal)}`) : null,
      h(
        "span",
        { title: "New concessions each side made; in brackets what they gave up net as a share of the distance between the two openings, unanswered ones and retractions" },
        `Concessions S ${concessionWords(seller.concessions)} · B ${concessionWords(buyer.concessions)}`,
      ),
      seller.interruptions + buyer.interruptions > 0 ? h("span", {}, `Interruptions ${seller.interruptions + buyer.interruptions}`) : null,
    ),
    tile.cards.length > 0
      ? h(
          "div",
          { class: "tile-cards" },
          tile.cards.map((c) => h("span", { class: `chip ${c.side}`, title: `${c.visibility} card for the ${c.side}, round ${c.round}${c.thrownBy === "facilitator" ? ", thrown by you" : ""}` }, c.title)),
        )
      : null,
    h(
      "div",
      { class: "tile-actions" },
      h("button", { type: "button", class: "primary", "aria-label": `Watch table ${tile.index + 1}: ${seller.name} and ${buyer.name}`, onclick: () => actions.watch(tile.code) }, "Watch"),
      over ? null : tableControlButtons({ paused: tile.status === "paused", reading: tile.status === "reading" }, (type) => actions.control(type, tile.code)),
    ),
  );
}

const NS = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The price axis with the zone (green) or the gap (red), offer markers and the deal. */
function stripSvg(tile: GridTile): SVGSVGElement {
  const W = 360;
  // The chart is scaled to the tile (about 300 to 400 px wide): 15 units of text show at 12 px or more.
  const H = 54;
  const PAD = 10;
  const y = 32;
  const vm = stripOf(tile);
  const x = (at: number) => PAD + at * (W - 2 * PAD);
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": stripLabel(tile) });
  root.appendChild(svg("line", { x1: PAD, x2: W - PAD, y1: y, y2: y, stroke: "#c6d0da", "stroke-width": 4, "stroke-linecap": "round" }));
  if (vm.band) {
    const color = vm.band.kind === "zopa" ? COLORS.zopa : COLORS.gap;
    root.appendChild(svg("rect", { x: x(vm.band.from), y: y - 6, width: Math.max(2, x(vm.band.to) - x(vm.band.from)), height: 12, rx: 3, fill: color, opacity: 0.35 }));
  }
  const money = (n: number) => formatMoney(n, tile.currency);
  root.appendChild(svg("text", { x: PAD, y: 14, "font-size": 15, fill: "#5a6876" }, money(vm.min)));
  root.appendChild(svg("text", { x: W - PAD, y: 14, "font-size": 15, fill: "#5a6876", "text-anchor": "end" }, money(vm.max)));
  for (const mark of vm.marks) root.appendChild(markSvg(mark, x(mark.at), y));
  return root;
}

function markSvg(mark: StripMark, cx: number, y: number): SVGElement {
  switch (mark.kind) {
    case "seller-offer":
    case "buyer-offer":
      return svg("circle", { cx, cy: y, r: 5.5, fill: mark.kind === "seller-offer" ? COLORS.seller : COLORS.buyer, stroke: "#fff", "stroke-width": 1.5 });
    case "deal":
      return svg("rect", { x: cx - 5, y: y - 5, width: 10, height: 10, fill: COLORS.deal, transform: `rotate(45 ${cx} ${y})` });
  }
}

/** The zone line of a tile: the same figures the reveal, the class debrief and the export show. */
function zoneText(tile: GridTile, money: (n: number) => string): string {
  const zone = tile.dealZone ?? tile.zopa;
  if (zone === null) return "Zone of agreement: working it out…";
  const where = tile.dealZone ? "on the agreed terms" : "on the best terms";
  return zone.exists ? `Zone ${where} ${money(zone.low)}–${money(zone.high)}` : "No zone of agreement";
}

function stripLabel(tile: GridTile): string {
  const money = (n: number) => formatMoney(n, tile.currency);
  const parts = [zoneText(tile, money)];
  if (tile.seats.seller.offer !== null) parts.push(`seller offers ${money(tile.seats.seller.offer)}`);
  if (tile.seats.buyer.offer !== null) parts.push(`buyer offers ${money(tile.seats.buyer.offer)}`);
  if (tile.deal !== null) parts.push(`deal at ${money(tile.deal)}`);
  return parts.join(", ");
}

/** The key under the grid, so a projector audience can read the strips. */
export function stripLegend(): HTMLElement {
  const swatch = (color: string, opacity = 1) => h("span", { class: "swatch", style: `background:${color};opacity:${opacity}` });
  return h(
    "p",
    { class: "legend" },
    h("span", {}, swatch(COLORS.zopa, 0.35), "Zone of agreement: prices both could sign on the best terms (after a deal, on its terms)"),
    h("span", {}, swatch(COLORS.gap, 0.35), "Gap: no zone"),
    h("span", {}, swatch(COLORS.seller), "Seller's offer"),
    h("span", {}, swatch(COLORS.buyer), "Buyer's offer"),
    h("span", {}, swatch(COLORS.deal), "Deal"),
  );
}

import { openingGapClosed } from "../../../shared/engine/concessionFigures.js";
import { entryKind } from "../../../shared/engine/ledger.js";
import type { Role } from "../../../shared/engine/roles.js";
import type { ConcessionStatus } from "../../../shared/engine/state.js";
import { formatMoney } from "../../../shared/engine/terms.js";
import type { ConcessionView, TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { percent, sideName } from "./labels.js";

export type LedgerSideVM = {
  readonly role: Role;
  readonly name: string;
  /** Share of the distance between the two openings this side's last offer has closed (0..1; public, engine's openingGapClosed); null before both opened. */
  readonly gapClosed: number | null;
  /** How many new single-issue concessions this side made. */
  readonly count: number;
  readonly retractions: number;
  readonly unreciprocated: number;
};

export type LedgerRowVM = {
  readonly key: string;
  readonly by: Role;
  readonly byName: string;
  readonly text: string;
  readonly status: ConcessionStatus;
  readonly statusText: string;
};

export type LedgerVM = {
  readonly sides: readonly [LedgerSideVM, LedgerSideVM];
  readonly rows: readonly LedgerRowVM[];
  /** A one-line reading of the balance for the viewer. */
  readonly summary: string;
  readonly flagged: number;
};

const STATUS_TEXT: Record<ConcessionStatus, string> = {
  pending: "waiting for a reply",
  reciprocated: "met by a concession",
  unreciprocated: "not reciprocated",
  retraction: "retraction: ground taken back",
  restored: "given again: not a new concession",
};

export function ledgerOf(view: TableView, ctx: TableContext): LedgerVM {
  const { scenario, viewer } = view;
  const side = (role: Role): LedgerSideVM => ({
    role,
    name: sideName(role, viewer, ctx.seats),
    gapClosed: openingGapClosed(scenario.issues, view.offers, role),
    count: view.balance[role].concessions,
    retractions: view.balance[role].retractions,
    unreciprocated: view.balance[role].unreciprocated,
  });
  const sides = [side("seller"), side("buyer")] as const;
  const rows = view.ledger.map((c) => ({
    key: `${c.turn}-${c.by}-${c.issueId}-${c.status === "restored" ? "r" : "c"}`,
    by: c.by,
    byName: sideName(c.by, viewer, ctx.seats),
    text: rowText(view, c),
    status: c.status,
    statusText: STATUS_TEXT[c.status],
  }));
  return { sides, rows, summary: summaryFor(view, sides), flagged: view.ledger.filter((c) => c.status === "unreciprocated").length };
}

function rowText(view: TableView, c: ConcessionView): string {
  const label = view.scenario.issues.find((i) => i.id === c.issueId)?.label ?? c.issueId;
  const money = (verb: string) => (c.money !== undefined ? ` (${verb} ${formatMoney(c.money, view.scenario.currency)})` : "");
  switch (entryKind(c.status)) {
    case "concession":
      return `${label}: ${percent(c.share)} of the range${money("costs you")}`;
    case "retraction":
      return `${label}: moved back ${percent(c.share)} of the range${money("wins you back")}`;
    case "restored":
      return `${label}: ${percent(c.share)} of the range given again${money("costs you")}`;
  }
}

function summaryFor(view: TableView, sides: readonly [LedgerSideVM, LedgerSideVM]): string {
  if (view.ledger.length === 0) return "No concessions yet.";
  const me = view.viewer === "buyer" || view.viewer === "seller" ? view.viewer : null;
  const [seller, buyer] = sides;
  if (!me) return `${seller.name} made ${movesText(seller)}; ${buyer.name} made ${movesText(buyer)}.`;
  const [mine, theirs] = me === "seller" ? [seller, buyer] : [buyer, seller];
  const flag = mine.unreciprocated > 0 ? ` ${mine.unreciprocated} of your concessions went unanswered: expect something back.` : "";
  return `You made ${movesText(mine)}; they made ${movesText(theirs)}.${flag}`;
}

/**
 * "2 concessions and 1 retraction, closing 35 % of the gap between the openings term by term".
 * Term by term, every term alike (openingGapClosed), since what a term is worth is private: the
 * debrief's money share, in the side's own values, is another figure and says so.
 */
function movesText(s: LedgerSideVM): string {
  const count = `${s.count} ${s.count === 1 ? "concession" : "concessions"}`;
  const retractions = s.retractions > 0 ? ` and ${s.retractions} ${s.retractions === 1 ? "retraction" : "retractions"}` : "";
  const gap = s.gapClosed === null ? "" : `, closing ${percent(s.gapClosed)} of the gap between the openings term by term`;
  return `${count}${retractions}${gap}`;
}

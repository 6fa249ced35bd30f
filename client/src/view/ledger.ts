import type { Role } from "../../../shared/engine/roles.js";
import { formatMoney } from "../../../shared/engine/terms.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { percent, sideName } from "./labels.js";

export type LedgerSideVM = {
  readonly role: Role;
  readonly name: string;
  /** Sum of this side's concessions, each as a share of its issue's range. */
  readonly given: number;
  /** How many single-issue concessions this side made. */
  readonly count: number;
  readonly unreciprocated: number;
};

export type LedgerRowVM = {
  readonly key: string;
  readonly by: Role;
  readonly byName: string;
  readonly text: string;
  readonly status: "pending" | "reciprocated" | "unreciprocated";
  readonly statusText: string;
};

export type LedgerVM = {
  readonly sides: readonly [LedgerSideVM, LedgerSideVM];
  /** The largest balance, so both bars share one scale. */
  readonly scale: number;
  readonly rows: readonly LedgerRowVM[];
  /** A one-line reading of the balance for the viewer. */
  readonly summary: string;
  readonly flagged: number;
};

const STATUS_TEXT = {
  pending: "waiting for a reply",
  reciprocated: "met by a concession",
  unreciprocated: "not reciprocated",
} as const;

export function ledgerOf(view: TableView, ctx: TableContext): LedgerVM {
  const { scenario, viewer } = view;
  const side = (role: Role): LedgerSideVM => ({
    role,
    name: sideName(role, viewer, ctx.seats),
    given: view.balance[role].given,
    count: view.ledger.filter((c) => c.by === role).length,
    unreciprocated: view.balance[role].unreciprocated,
  });
  const sides = [side("seller"), side("buyer")] as const;
  const rows = view.ledger.map((c) => {
    const issue = scenario.issues.find((i) => i.id === c.issueId);
    const money = c.money !== undefined ? ` (costs you ${formatMoney(c.money, scenario.currency)})` : "";
    return {
      key: `${c.turn}-${c.by}-${c.issueId}`,
      by: c.by,
      byName: sideName(c.by, viewer, ctx.seats),
      text: `${issue?.label ?? c.issueId}: ${percent(c.share)} of the range${money}`,
      status: c.status,
      statusText: STATUS_TEXT[c.status],
    };
  });
  const flagged = view.ledger.filter((c) => c.status === "unreciprocated").length;
  return {
    sides,
    scale: Math.max(0.25, sides[0].given, sides[1].given),
    rows,
    summary: summaryFor(view, ctx),
    flagged,
  };
}

function summaryFor(view: TableView, ctx: TableContext): string {
  const me = view.viewer === "buyer" || view.viewer === "seller" ? view.viewer : null;
  if (view.ledger.length === 0) return "No concessions yet.";
  if (!me) {
    const b = view.balance.buyer;
    const s = view.balance.seller;
    return `${sideName("seller", view.viewer, ctx.seats)} gave ${percent(s.given)}, ${sideName("buyer", view.viewer, ctx.seats)} gave ${percent(b.given)}.`;
  }
  const mine = view.balance[me];
  const flag = mine.unreciprocated > 0 ? ` ${mine.unreciprocated} of your concessions went unanswered: expect something back.` : "";
  return `You gave ${percent(mine.given)}, received ${percent(mine.received)}.${flag}`;
}

import { readFileSync } from "node:fs";
import {
  privateDataFor,
  apply,
  createTable,
  describeProblems,
  parseScenario,
  viewFor,
  type Action,
  type Package,
  type Role,
  type Scenario,
  type TableState,
  type Viewer,
} from "../../../shared/engine/index.js";
import { readyMarkOf, type PublicSeat, type PublicTable } from "../../../shared/protocol/publicTable.js";
import { emptyModel, reduceModel, type ClientModel } from "../../../client/src/model/clientModel.js";
import { assembleView } from "../../../client/src/model/assembleView.js";
import { snapshotTable } from "../../../client/src/model/snapshot.js";
import type { TableContext } from "../../../client/src/view/context.js";

/** A fixed epoch: tables start here and every action happens a second after the previous one. */
export const T0 = 1_750_000_000_000;

export function scenarioFile(id: string): Scenario {
  const url = new URL(`../../../shared/scenarios/${id}.json`, import.meta.url);
  const parsed = parseScenario(JSON.parse(readFileSync(url, "utf8")));
  if (!parsed.ok) throw new Error(describeProblems(parsed.error));
  return parsed.value;
}

export const backupAppliance = (): Scenario => scenarioFile("backup-appliance");

export function newTable(scenario: Scenario = backupAppliance(), seed = "client-tests"): TableState {
  return createTable(scenario, seed, { now: T0 });
}

/** Apply actions that must all be accepted, one second apart after the table's last event. */
export function play(state: TableState, actions: readonly Action[]): TableState {
  return actions.reduce((s, action, i) => {
    const result = apply(s, action, T0 + (s.timeline.length + i + 1) * 1000);
    if (!result.ok) throw new Error(`refused ${action.type}: ${result.error.code} ${result.error.message}`);
    return result.state;
  }, state);
}

export const pkg = (overrides: Partial<Record<string, number | string>> = {}): Package =>
  ({ price: 22000, support: "basic", warranty: 12, delivery: 8, payment: "upfront", ...overrides }) as Package;

export const offer = (by: Role, terms: Package, message?: string): Action => (message ? { type: "offer", by, terms, message } : { type: "offer", by, terms });

export const SEATS: readonly PublicSeat[] = [
  { role: "buyer", name: "Bea", connected: true, bot: false, taken: true, returnBy: 0 },
  { role: "seller", name: "Sam", connected: true, bot: false, taken: true, returnBy: 0 },
];

/** The synced state as the contract describes it: the observer's view of the table, with seats. */
export function publicTableOf(state: TableState, seats: readonly PublicSeat[] = SEATS, code = "ABCD"): PublicTable {
  const view = viewFor(state, "observer");
  return {
    code,
    scenarioId: view.scenario.id,
    started: true,
    phase: view.phase,
    turn: view.turn,
    round: view.round,
    lastRound: view.lastRound,
    toAct: view.toAct,
    turnEndsAt: view.turnEndsAt ?? 0,
    pausedRemainingMs: view.pausedRemainingMs ?? 0,
    turnMs: view.turnMs,
    reading: view.preparation !== null,
    readingEndsAt: view.preparation?.endsAt ?? 0,
    readyBuyer: readyMarkOf(view.preparation?.ready.buyer),
    readySeller: readyMarkOf(view.preparation?.ready.seller),
    seats: new Map(seats.map((s) => [s.role, s])),
    offers: view.offers.map((o) => ({ by: o.by, turn: o.turn, round: o.round, at: o.at, termsJson: JSON.stringify(o.terms), message: o.message ?? "" })),
    ledger: view.ledger.map((c) => ({ turn: c.turn, by: c.by, issueId: c.issueId, share: c.share, status: c.status })),
    cards: view.cards.map((c) =>
      c.hidden
        ? { hidden: true, id: "", title: "", text: "", visibility: "private" as const, side: c.side, round: c.round }
        : { hidden: false, id: c.id, title: c.title, text: c.text, visibility: c.visibility, side: c.side, round: c.round },
    ),
    interruptionsBuyer: view.interruptions.buyer,
    interruptionsSeller: view.interruptions.seller,
    outcome: view.outcome?.kind ?? "",
  };
}

/** What a client holds after joining `state` as `viewer`: every message, as JSON would carry it. */
export function modelFor(state: TableState, viewer: Viewer, seats: readonly PublicSeat[] = SEATS): ClientModel {
  const view = wire(viewFor(state, viewer));
  const role = viewer === "buyer" || viewer === "seller" ? viewer : null;
  let model = reduceModel(emptyModel, { kind: "link", link: "live" });
  model = reduceModel(model, { kind: "welcome", message: { viewer, code: "ABCD", role, scenario: view.scenario, reconnectSeconds: 60 } });
  model = reduceModel(model, { kind: "state", table: snapshotTable(publicTableOf(state, seats)), at: T0 });
  // As the server sends it: private data without notepads (each note comes as its note_taken event).
  model = reduceModel(model, { kind: "private", message: { sides: wire(privateDataFor(state, viewer)) } });
  model = reduceModel(model, { kind: "events", message: { events: view.timeline, replay: true } });
  if (view.reveal) model = reduceModel(model, { kind: "reveal", message: view.reveal });
  return model;
}

export function clientView(state: TableState, viewer: Viewer, seats: readonly PublicSeat[] = SEATS) {
  const view = assembleView(modelFor(state, viewer, seats));
  if (!view) throw new Error("the model should assemble a view");
  return view;
}

export function contextFor(overrides: Partial<TableContext> = {}): TableContext {
  return { code: "ABCD", seats: SEATS, started: true, link: "live", closedReason: null, refusal: null, clockOffsetMs: 0, draft: null, ...overrides };
}

/** A JSON round trip: what any value looks like after the wire (undefined fields dropped). */
export function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Let turns run out until the table reaches `round` (the standing offers stay as they are). */
export function timeOutTo(state: TableState, round: number): TableState {
  let s = state;
  while (Math.floor(s.turn / 2) + 1 < round && s.phase === "playing") {
    const result = apply(s, { type: "timeout" }, s.turnEndsAt as number);
    if (!result.ok) throw new Error(`timeout refused: ${result.error.message}`);
    s = result.state;
  }
  return s;
}

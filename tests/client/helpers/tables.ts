import { readFileSync } from "node:fs";
import {
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
  type TableView,
  type Viewer,
} from "../../../shared/engine/index.js";
import type { ServerMessages } from "../../../shared/protocol/messages.js";
import type { PublicSeat } from "../../../shared/protocol/publicTable.js";
import { diffView } from "../../../shared/protocol/viewDelta.js";
import { emptyModel, inputOf, reduceModel, type ClientModel } from "../../../client/src/model/clientModel.js";
import type { RoomSnapshot } from "../../../client/src/model/roomSnapshot.js";
import { contextOf, type TableContext } from "../../../client/src/view/context.js";

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

/** Every state from `state` on as actions that must all be accepted apply, one second apart after the table's last event. */
export function steps(state: TableState, actions: readonly Action[]): TableState[] {
  const states = [state];
  actions.forEach((action, i) => {
    const s = states.at(-1) as TableState;
    const result = apply(s, action, T0 + (s.timeline.length + i + 1) * 1000);
    if (!result.ok) throw new Error(`refused ${action.type}: ${result.error.code} ${result.error.message}`);
    states.push(result.state);
  });
  return states;
}

/** The state after `actions` (steps' last). */
export function play(state: TableState, actions: readonly Action[]): TableState {
  return steps(state, actions).at(-1) as TableState;
}

export const pkg = (overrides: Partial<Record<string, number | string>> = {}): Package =>
  ({ price: 22000, support: "basic", warranty: 12, delivery: 8, payment: "upfront", ...overrides }) as Package;

export const offer = (by: Role, terms: Package, message?: string): Action => (message ? { type: "offer", by, terms, message } : { type: "offer", by, terms });

export const SEATS: readonly PublicSeat[] = [
  { role: "buyer", name: "Bea", connected: true, bot: false, taken: true, returnBy: 0 },
  { role: "seller", name: "Sam", connected: true, bot: false, taken: true, returnBy: 0 },
];

/** The room as a client snapshots it: both seats taken, the game under way. */
export const ROOM: RoomSnapshot = { code: "ABCD", started: true, seats: SEATS };

/** When a state's last change happened on the server: a view of it is taken to arrive then. */
const changedAt = (state: TableState): number => state.timeline.at(-1)?.at ?? T0;

/**
 * What a client holds after following `states` as `viewer`, through the real protocol path: the
 * welcome, the room, then for each state the delta from the view it was last sent (diffView of
 * successive viewFor: the whole view first, then changes), as JSON carries it, each arriving
 * when its state changed. `debrief` rides on the last view, as on the move that ends a game.
 */
export function modelAfter(
  states: readonly TableState[],
  viewer: Viewer,
  room: RoomSnapshot = ROOM,
  debrief?: ServerMessages["view"]["debrief"],
): ClientModel {
  const role = viewer === "buyer" || viewer === "seller" ? viewer : null;
  let model = reduceModel(emptyModel, { kind: "link", link: "live" });
  model = reduceModel(model, inputOf("welcome", { viewer, code: room.code, role, reconnectSeconds: 60 }, T0));
  model = reduceModel(model, { kind: "room", room });
  let sent: TableView | null = null;
  let seq = 0;
  states.forEach((state, i) => {
    const view = viewFor(state, viewer);
    const delta = diffView(sent, view);
    sent = view;
    const last = i === states.length - 1;
    if (delta?.kind === "change") seq++;
    if (delta) model = reduceModel(model, inputOf("view", wire({ delta, seq, ...(last && debrief ? { debrief } : {}) }), changedAt(state)));
  });
  return model;
}

/** What a client holds after joining `state` as `viewer`: the whole view. */
export function modelFor(state: TableState, viewer: Viewer, seats: readonly PublicSeat[] = SEATS): ClientModel {
  return modelAfter([state], viewer, { ...ROOM, seats });
}

export function clientView(state: TableState, viewer: Viewer, seats: readonly PublicSeat[] = SEATS): TableView {
  const { view } = modelFor(state, viewer, seats);
  if (!view) throw new Error("the model should hold a view");
  return view;
}

/** The context a table screen draws with, for a live client in ROOM, with `overrides`. */
export function contextFor(overrides: Partial<TableContext> = {}): TableContext {
  return { ...contextOf(reduceModel(emptyModel, { kind: "link", link: "live" }), ROOM, null), ...overrides };
}

/** The view and context the table screen would draw `model` with (no draft). */
export function drawnFrom(model: ClientModel): { readonly view: TableView; readonly ctx: TableContext } {
  if (!model.view || !model.room) throw new Error("the model should hold a view and its room");
  return { view: model.view, ctx: contextOf(model, model.room, null) };
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

/*
 * npm run bench:viewpath [-- --games N] — what one action costs to bring to every viewer of a
 * table, measured two ways over the same bot games (issue #15, item 3), in one run:
 *
 *  - the view delta: the server's own Audience (audience.ts) sends each viewer what changed in
 *    its engine view (viewDelta.ts), one message per change, encoded once per kind of viewer;
 *    each client applies it with the client's own model code (reduceModel);
 *  - a generic diff for comparison: the same views sent as a JSON Patch (RFC 6902) from the view
 *    that viewer was last sent, applied by the client to its copy.
 *
 * Prints bytes per action per viewer, frames, server CPU per action, client CPU per action per
 * viewer, and checks that every client's copy ends equal to the engine's view for it.
 */
import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import { unpack } from "@colyseus/msgpackr";
import jsonPatch, { type Operation } from "fast-json-patch";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { debrief, ROLES, viewFor, type Action, type TableState, type TableView, type Viewer } from "../shared/engine/index.js";
import { apply } from "../shared/engine/index.js";
import { SCENARIOS } from "../shared/scenarios/index.js";
import { playSimGame, type Pairing } from "../shared/sim/simulate.js";
import { emptyModel, inputOf, reduceModel, type ClientModel, type ServerMessageKind } from "../client/src/model/clientModel.js";
import { Audience, type Seating } from "../server/room/audience.js";

const { values } = parseArgs({ options: { games: { type: "string", default: "60" } } });
const gamesPerScenario = Math.max(1, Number(values.games) || 60);
const VIEWERS: readonly Viewer[] = ["buyer", "seller", "observer", "facilitator"];

type Step = { readonly before: TableState; readonly after: TableState };
type Tally = { actions: number; serverUs: number; clientUs: number; renders: number; bytes: number; frames: number };
const tally = (): Tally => ({ actions: 0, serverUs: 0, clientUs: 0, renders: 0, bytes: 0, frames: 0 });
/** Moves during the game, and the move that ends it (which also carries the reveal and the debrief). */
type Tallies = { readonly mid: Tally; readonly end: Tally };
const tallies = (): Tallies => ({ mid: tally(), end: tally() });

/** Every action of a game with the state before and after and the events it made, replayed through the engine. */
function stepsOf(initial: TableState, actions: readonly Action[]): Step[] {
  const steps: Step[] = [];
  let state = initial;
  let now = initial.turnEndsAt ?? 0;
  for (const action of actions) {
    now += 5_000;
    const result = apply(state, action, now);
    if (!result.ok) throw new Error(`replay refused ${action.type}: ${result.error.message}`);
    steps.push({ before: state, after: result.state });
    state = result.state;
  }
  return steps;
}

/** A stand-in connection that keeps the frames the server would write to its socket. */
function recordingClient(viewer: Viewer, frames: Uint8Array[]): Client<Seating> {
  const role = viewer === "buyer" || viewer === "seller" ? viewer : null;
  const client = {
    sessionId: viewer,
    userData: { viewer, role },
    send(type: string, payload: unknown) {
      frames.push(getMessageBytes.raw(Protocol.ROOM_DATA, type, payload));
    },
    enqueueRaw(frame: Uint8Array) {
      frames.push(frame);
    },
  };
  return client as unknown as Client<Seating>;
}

/** The server's Audience over one game, each client keeping its model as the real one does. */
function measureAudience(initial: TableState, steps: readonly Step[], tallies: Tallies): void {
  const audience = new Audience("BENCH", 60);
  const frames = new Map(VIEWERS.map((v) => [v, [] as Uint8Array[]]));
  const clients = VIEWERS.map((v) => recordingClient(v, frames.get(v)!));
  for (const c of clients) audience.greet(c as never, initial);
  const models: ClientModel[] = VIEWERS.map((viewer) => frames.get(viewer)!.splice(0).reduce((model, frame) => reduceModel(model, inputOf(...decodeFrame(frame), 0)), emptyModel));

  for (const step of steps) {
    const finished = step.before.phase !== "finished" && step.after.phase === "finished";
    const t = finished ? tallies.end : tallies.mid;
    const began = performance.now();
    audience.deliver(clients as never, step.before, step.after);
    t.serverUs += (performance.now() - began) * 1000;
    t.actions += 1;
    VIEWERS.forEach((viewer, i) => {
      const own = frames.get(viewer)!.splice(0);
      t.bytes += own.reduce((sum, f) => sum + f.length, 0);
      t.frames += own.length;
      const clientBegan = performance.now();
      for (const frame of own) {
        models[i] = reduceModel(models[i]!, inputOf(...decodeFrame(frame), 0));
        t.renders += 1;
      }
      t.clientUs += (performance.now() - clientBegan) * 1000;
    });
  }
  const last = steps.at(-1)!.after;
  VIEWERS.forEach((viewer, i) => {
    if (!isDeepStrictEqual(asJson(models[i]!.view), asJson(viewFor(last, viewer)))) throw new Error(`view delta: the ${viewer}'s copy differs from its view`);
  });
}

/** One path per viewer over one game: the viewer's own view, as a patch from the last one it was sent. */
function measureOnePath(initial: TableState, steps: readonly Step[], tallies: Tallies): void {
  const sent = new Map<Viewer, TableView>(VIEWERS.map((v) => [v, viewFor(initial, v)]));
  const held = new Map<Viewer, TableView>(VIEWERS.map((v) => [v, structuredClone(sent.get(v)!)]));
  for (const step of steps) {
    const finished = step.before.phase !== "finished" && step.after.phase === "finished";
    const t = finished ? tallies.end : tallies.mid;
    const began = performance.now();
    const out = VIEWERS.map((viewer) => {
      const view = viewFor(step.after, viewer);
      const ops = jsonPatch.compare(sent.get(viewer)!, view);
      sent.set(viewer, view);
      // The debrief is written once, at the end, as today: it is not part of the live view.
      const lines = finished && viewer !== "observer" ? Object.fromEntries((viewer === "facilitator" ? ROLES : [viewer]).map((r) => [r, debrief(step.after, r)])) : null;
      return { viewer, frame: getMessageBytes.raw(Protocol.ROOM_DATA, "view", { ops, ...(lines ? { debrief: lines } : {}) }) };
    });
    t.serverUs += (performance.now() - began) * 1000;
    t.actions += 1;
    for (const { viewer, frame } of out) {
      t.bytes += frame.length;
      t.frames += 1;
      const clientBegan = performance.now();
      const [, message] = decodeFrame(frame);
      const { ops } = message as { ops: Operation[] };
      held.set(viewer, jsonPatch.applyPatch(held.get(viewer)!, ops, false, false).newDocument);
      t.renders += 1;
      t.clientUs += (performance.now() - clientBegan) * 1000;
    }
  }
  // The copies the clients hold must be the engine's view: anything else would be a wrong screen.
  const last = steps.at(-1)!.after;
  for (const viewer of VIEWERS)
    if (!isDeepStrictEqual(asJson(held.get(viewer)), asJson(viewFor(last, viewer)))) throw new Error(`one path: the ${viewer}'s copy differs from its view`);
}

/** What survives the wire: no undefined fields. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A ROOM_DATA frame back into its type and message, as colyseus.js reads it. */
function decodeFrame(frame: Uint8Array): [ServerMessageKind, never] {
  const length = frame[1]! & 0x1f; // a short string: every message type here is one
  const type = Buffer.from(frame.subarray(2, 2 + length)).toString("utf8");
  return [type as ServerMessageKind, unpack(frame.subarray(2 + length)) as never];
}

const PAIRINGS: readonly Pairing[] = [
  { buyer: "tit_for_tat", seller: "boulware" },
  { buyer: "firm", seller: "easy" },
  { buyer: "linear", seller: "conceder" },
];
const delta = tallies();
const onePath = tallies();
for (const [id, scenario] of Object.entries(SCENARIOS)) {
  for (let i = 0; i < gamesPerScenario; i++) {
    const { game } = playSimGame(scenario, PAIRINGS[i % PAIRINGS.length]!, `viewpath:${id}`, i);
    const steps = stepsOf(game.initial, game.actions);
    // Alternate which path goes first, so neither always runs on a warmer cache.
    if (i % 2 === 0) {
      measureAudience(game.initial, steps, delta);
      measureOnePath(game.initial, steps, onePath);
    } else {
      measureOnePath(game.initial, steps, onePath);
      measureAudience(game.initial, steps, delta);
    }
  }
}

const per = (t: Tally) => ({
  bytes: t.bytes / t.actions / VIEWERS.length,
  frames: t.frames / t.actions / VIEWERS.length,
  serverUs: t.serverUs / t.actions,
  clientUs: t.clientUs / t.actions / VIEWERS.length,
  renders: t.renders / t.actions / VIEWERS.length,
});
const row = (label: string, x: number, y: number, digits: number) =>
  console.log(`  ${label.padEnd(42)}${x.toFixed(digits).padStart(12)}${y.toFixed(digits).padStart(12)}${`${(y / x).toFixed(2)}×`.padStart(12)}`);
console.log(`view paths over ${delta.mid.actions + delta.end.actions} actions (${gamesPerScenario} bot games × ${Object.keys(SCENARIOS).length} scenarios), viewers: ${VIEWERS.join(", ")}`);
for (const [label, kind] of [["moves during a game", "mid"], ["the move that ends it (reveal, debrief)", "end"]] as const) {
  const a = per(delta[kind]);
  const b = per(onePath[kind]);
  console.log(`${`${label}: ${delta[kind].actions}`.padEnd(44)}${"view delta".padStart(12)}${"JSON Patch".padStart(12)}${"patch/delta".padStart(12)}`);
  row("bytes per action per viewer", a.bytes, b.bytes, 0);
  row("frames per action per viewer", a.frames, b.frames, 2);
  row("server CPU per action, all viewers (µs)", a.serverUs, b.serverUs, 1);
  row("client CPU per action per viewer (µs)", a.clientUs, b.clientUs, 1);
  row("renders per action per viewer", a.renders, b.renders, 2);
}

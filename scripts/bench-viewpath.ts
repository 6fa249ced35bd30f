/*
 * npm run bench:viewpath [-- --games N] — what one action costs to bring to every viewer of a
 * table, measured two ways over the same bot games (issue #15, item 3), in one run:
 *
 *  - today's split: the public schema written by writePublicTable and encoded as one patch for
 *    everyone, plus the Audience's direct messages (events, private data, reveal, debrief) per
 *    viewer; each client decodes the patch, copies the synced state, and assembles its view
 *    once per message it receives;
 *  - one path per viewer: the engine's view for each viewer (viewFor), sent as a JSON Patch
 *    (RFC 6902) from the view that viewer was last sent; each client applies it to its copy.
 *
 * Both use the server's own code (writePublicTable, Audience, Colyseus' message encoding) and the
 * client's own (snapshotTable, reduceModel, assembleView). Prints bytes per action per viewer,
 * server CPU per action, client CPU per action per viewer, and how often a client renders.
 */
import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import { unpack } from "@colyseus/msgpackr";
import { Decoder, Encoder } from "@colyseus/schema";
import jsonPatch, { type Operation } from "fast-json-patch";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { debrief, ROLES, viewFor, type Action, type GameEvent, type TableState, type TableView, type Viewer } from "../shared/engine/index.js";
import { apply } from "../shared/engine/index.js";
import { applyViewDelta, diffView, type ViewDelta } from "../shared/protocol/viewDelta.js";
import { SCENARIOS } from "../shared/scenarios/index.js";
import { playSimGame, type Pairing } from "../shared/sim/simulate.js";
import { assembleView } from "../client/src/model/assembleView.js";
import { emptyModel, inputOf, reduceModel, type ClientModel, type ServerMessageKind } from "../client/src/model/clientModel.js";
import { snapshotTable } from "../client/src/model/snapshot.js";
import { Audience, type Seating } from "../server/room/audience.js";
import { PublicTableState } from "../server/room/publicSchema.js";
import { writePublicTable, type SeatSnapshot } from "../server/room/writePublicTable.js";

const { values } = parseArgs({ options: { games: { type: "string", default: "60" } } });
const gamesPerScenario = Math.max(1, Number(values.games) || 60);
const VIEWERS: readonly Viewer[] = ["buyer", "seller", "observer", "facilitator"];
const SEATS: Readonly<Record<"buyer" | "seller", SeatSnapshot>> = {
  buyer: { name: "Ana", connected: true, bot: false, taken: true, returnBy: 0 },
  seller: { name: "Ben", connected: true, bot: false, taken: true, returnBy: 0 },
};

type Step = { readonly before: TableState; readonly after: TableState; readonly events: readonly GameEvent[] };
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
    steps.push({ before: state, after: result.state, events: result.events });
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
  };
  return client as unknown as Client<Seating>;
}

/** Today's split over one game. */
function measureSplit(initial: TableState, steps: readonly Step[], tallies: Tallies): void {
  const server = new PublicTableState();
  const encoder = new Encoder(server);
  const audience = new Audience("BENCH", 60);
  const frames = new Map(VIEWERS.map((v) => [v, [] as Uint8Array[]]));
  const clients = VIEWERS.map((v) => recordingClient(v, frames.get(v)!));
  writePublicTable(server, "BENCH", true, initial, SEATS);
  const full = encoder.encodeAll();
  encoder.discardChanges();
  // Each client: its own decoded copy of the public state, and its model, greeted as on join.
  const decoded = VIEWERS.map(() => {
    const state = new PublicTableState();
    const decoder = new Decoder(state);
    decoder.decode(full);
    return { state, decoder };
  });
  for (const c of clients) audience.greet(c as never, initial);
  const models: ClientModel[] = VIEWERS.map((viewer, i) => {
    let model = emptyModel;
    model = reduceModel(model, { kind: "state", table: snapshotTable(decoded[i]!.state), at: 0 });
    for (const frame of frames.get(viewer)!.splice(0)) {
      const [type, message] = decodeFrame(frame);
      model = reduceModel(model, inputOf(type, message, 0));
    }
    return model;
  });

  for (const step of steps) {
    const finished = step.before.phase !== "finished" && step.after.phase === "finished";
    const t = finished ? tallies.end : tallies.mid;
    const began = performance.now();
    writePublicTable(server, "BENCH", true, step.after, SEATS);
    const patch = encoder.encode();
    encoder.discardChanges();
    audience.deliver(clients as never, step.after, step.events, finished);
    t.serverUs += (performance.now() - began) * 1000;
    t.actions += 1;

    VIEWERS.forEach((viewer, i) => {
      const own = frames.get(viewer)!.splice(0);
      t.bytes += patch.length + own.reduce((sum, f) => sum + f.length, 0);
      t.frames += 1 + own.length;
      const clientBegan = performance.now();
      decoded[i]!.decoder.decode(patch);
      let model = reduceModel(models[i]!, { kind: "state", table: snapshotTable(decoded[i]!.state), at: 0 });
      assembleView(model);
      t.renders += 1;
      for (const frame of own) {
        const [type, message] = decodeFrame(frame);
        model = reduceModel(model, inputOf(type, message, 0));
        assembleView(model);
        t.renders += 1;
      }
      models[i] = model;
      t.clientUs += (performance.now() - clientBegan) * 1000;
    });
  }
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

/** One path per viewer, knowing the view's shape (viewDelta.ts): what differs from the view that viewer was last sent. */
function measureViewDelta(initial: TableState, steps: readonly Step[], tallies: Tallies): void {
  const sent = new Map<Viewer, TableView>(VIEWERS.map((v) => [v, viewFor(initial, v)]));
  const held = new Map<Viewer, TableView>(VIEWERS.map((v) => [v, structuredClone(sent.get(v)!)]));
  for (const step of steps) {
    const finished = step.before.phase !== "finished" && step.after.phase === "finished";
    const t = finished ? tallies.end : tallies.mid;
    const began = performance.now();
    const out = VIEWERS.map((viewer) => {
      const view = viewFor(step.after, viewer);
      const delta = diffView(sent.get(viewer)!, view);
      sent.set(viewer, view);
      const lines = finished && viewer !== "observer" ? Object.fromEntries((viewer === "facilitator" ? ROLES : [viewer]).map((r) => [r, debrief(step.after, r)])) : null;
      return { viewer, frame: getMessageBytes.raw(Protocol.ROOM_DATA, "view", { delta, ...(lines ? { debrief: lines } : {}) }) };
    });
    t.serverUs += (performance.now() - began) * 1000;
    t.actions += 1;
    for (const { viewer, frame } of out) {
      t.bytes += frame.length;
      t.frames += 1;
      const clientBegan = performance.now();
      const [, message] = decodeFrame(frame);
      const { delta } = message as { delta: ViewDelta | null };
      if (delta) held.set(viewer, applyViewDelta(held.get(viewer)!, delta));
      t.renders += 1;
      t.clientUs += (performance.now() - clientBegan) * 1000;
    }
  }
  const last = steps.at(-1)!.after;
  for (const viewer of VIEWERS)
    if (!isDeepStrictEqual(asJson(held.get(viewer)), asJson(viewFor(last, viewer)))) throw new Error(`view delta: the ${viewer}'s copy differs from its view`);
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
const split = tallies();
const onePath = tallies();
const shaped = tallies();
for (const [id, scenario] of Object.entries(SCENARIOS)) {
  for (let i = 0; i < gamesPerScenario; i++) {
    const { game } = playSimGame(scenario, PAIRINGS[i % PAIRINGS.length]!, `viewpath:${id}`, i);
    const steps = stepsOf(game.initial, game.actions);
    // Alternate which path goes first, so neither always runs on a warmer cache.
    if (i % 2 === 0) {
      measureSplit(game.initial, steps, split);
      measureOnePath(game.initial, steps, onePath);
      measureViewDelta(game.initial, steps, shaped);
    } else {
      measureViewDelta(game.initial, steps, shaped);
      measureOnePath(game.initial, steps, onePath);
      measureSplit(game.initial, steps, split);
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
const row = (label: string, x: number, y: number, z: number, digits: number) =>
  console.log(`  ${label.padEnd(42)}${x.toFixed(digits).padStart(14)}${y.toFixed(digits).padStart(12)}${z.toFixed(digits).padStart(12)}${`${(z / x).toFixed(2)}×`.padStart(9)}`);
console.log(`view paths over ${split.mid.actions + split.end.actions} actions (${gamesPerScenario} bot games × ${Object.keys(SCENARIOS).length} scenarios), viewers: ${VIEWERS.join(", ")}`);
for (const [label, kind] of [["moves during a game", "mid"], ["the move that ends it (reveal, debrief)", "end"]] as const) {
  const a = per(split[kind]);
  const b = per(onePath[kind]);
  const c = per(shaped[kind]);
  console.log(`${`${label}: ${split[kind].actions}`.padEnd(44)}${"today's split".padStart(14)}${"JSON Patch".padStart(12)}${"view delta".padStart(12)}${"ratio".padStart(9)}`);
  row("bytes per action per viewer", a.bytes, b.bytes, c.bytes, 0);
  row("frames per action per viewer", a.frames, b.frames, c.frames, 2);
  row("server CPU per action, all viewers (µs)", a.serverUs, b.serverUs, c.serverUs, 1);
  row("client CPU per action per viewer (µs)", a.clientUs, b.clientUs, c.clientUs, 1);
  row("renders per action per viewer", a.renders, b.renders, c.renders, 2);
}

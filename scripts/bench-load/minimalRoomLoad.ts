import { Client, type Room } from "colyseus.js";
import type { Pace } from "./botSeat.js";
import { eachLimited, seededRandom } from "./fleet.js";
import { serveRpc } from "./rpc.js";

/*
 * Clients of the minimal Colyseus room, paced as Parley's bots are: two colyseus.js clients a
 * table, the one whose turn it is sending an offer after its think time (none in a closed
 * loop), on every patch that hands it the turn.
 */

export type MinimalLoadMethods = {
  connect: (params: { endpoint: string; tables: number; concurrency: number }) => Promise<{ open: number; failed: number }>;
  pace: (params: Pace) => null;
  stop: (params: null) => { offers: number; errors: number };
  close: (params: null) => Promise<null>;
};

type Seat = { readonly room: Room; readonly index: number; lastTurn: number; thinking: boolean };
type MinimalState = { turn: number; toAct: number; price: number };

const seats: Seat[] = [];
const random = seededRandom(15);
let pace: Pace = { mode: "idle" };
let offers = 0;
let errors = 0;

function consider(seat: Seat): void {
  const state = seat.room.state as MinimalState | undefined;
  if (pace.mode === "idle" || seat.thinking || !state || state.toAct !== seat.index || state.turn === seat.lastTurn) return;
  seat.thinking = true;
  const send = () => {
    seat.thinking = false;
    if (pace.mode === "idle") return;
    seat.lastTurn = state.turn;
    offers += 1;
    seat.room.send("offer", 1000 + (state.turn % 100));
  };
  if (pace.mode === "closed") setImmediate(send);
  else setTimeout(send, pace.minMs + random() * (pace.maxMs - pace.minMs));
}

function seat(room: Room, index: number): Seat {
  const s: Seat = { room, index, lastTurn: -1, thinking: false };
  room.onStateChange(() => consider(s));
  room.onError(() => (errors += 1));
  seats.push(s);
  return s;
}

const methods: MinimalLoadMethods = {
  connect: async ({ endpoint, tables, concurrency }) => {
    const client = new Client(endpoint);
    let failed = 0;
    await eachLimited(
      Array.from({ length: tables }, (_, i) => i),
      concurrency,
      async () => {
        try {
          const first = await client.create("minimal");
          seat(first, 0);
          seat(await client.joinById(first.roomId), 1);
        } catch {
          failed += 1;
        }
      },
    );
    return { open: seats.length, failed };
  },
  pace: (next) => {
    pace = next;
    for (const s of seats) consider(s);
    return null;
  },
  stop: () => {
    pace = { mode: "idle" };
    return { offers, errors };
  },
  close: async () => {
    pace = { mode: "idle" };
    await Promise.all(seats.map((s) => s.room.leave(true).catch(() => undefined)));
    seats.length = 0;
    return null;
  },
};

if (!serveRpc(methods)) {
  process.stderr.write("minimalRoomLoad runs as a child of the benchmark (it needs an IPC channel)\n");
  process.exit(2);
}
process.on("disconnect", () => process.exit(0));

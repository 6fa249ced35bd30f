import { Room } from "colyseus.js";
import { botMove, botProfile } from "../../shared/bots/index.js";
import { createTable, viewFor, type Scenario } from "../../shared/engine/index.js";
import { seatIntentOf } from "./seatIntent.js";

/** Bytes of the frame colyseus.js sends for `room.send(type, payload)`: its own encoder, no socket. */
export function frameBytes(type: string, payload: unknown): number {
  const room = new Room("frame-size");
  let bytes = 0;
  (room as unknown as { connection: { send: (data: Uint8Array) => void } }).connection = { send: (data) => (bytes = data.byteLength) };
  room.send(type, payload);
  return bytes;
}

/** The size of a typical action: a bot's opening offer in `scenario`, as it goes on the wire. */
export function openingOfferBytes(scenario: Scenario): number {
  const table = createTable(scenario, "frame-size", { now: 0 });
  const action = botMove(viewFor(table, scenario.firstMover), botProfile("firm", "frame-size"));
  const intent = action && seatIntentOf(action);
  if (!intent) throw new Error(`no opening move in ${scenario.id}`);
  return frameBytes(intent.type, intent.payload);
}

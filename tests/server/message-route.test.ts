import { describe, expect, it } from "vitest";
import type { Seating } from "../../server/room/audience.js";
import { routeMessage } from "../../server/room/messageRoute.js";

const buyer: Seating = { viewer: "buyer", role: "buyer" };
const facilitator: Seating = { viewer: "facilitator", role: null };
const observer: Seating = { viewer: "observer", role: null };
const playing = { restarting: false, started: true };

describe("what a message at a table comes to", () => {
  it.each([
    ["a player's move, as their own seat's action", "accept", {}, buyer, playing, { kind: "action", action: { type: "accept", by: "buyer" } }],
    ["a facilitator's control", "add_time", { seconds: 30 }, facilitator, playing, { kind: "control", control: { type: "add_time", seconds: 30 } }],
    ["a control from a player: refused", "pause", {}, buyer, playing, { kind: "refused", code: "protocol/not_allowed", message: 'Only the facilitator may send "pause".' }],
    ["a move from an observer: refused", "accept", {}, observer, playing, { kind: "refused", code: "protocol/not_allowed" }],
    ["a move before both seats are filled", "accept", {}, buyer, { restarting: false, started: false }, { kind: "refused", code: "protocol/not_started", message: "The game starts when both seats are filled." }],
    ["a move while the server restarts: the seat is kept", "accept", {}, buyer, { restarting: true, started: true }, { kind: "refused", code: "protocol/server_error", message: "The server is restarting: nothing changed. Your seat is kept." }],
    ["an unknown type, even while restarting", "shout", {}, buyer, { restarting: true, started: false }, { kind: "refused", code: "protocol/unknown_type" }],
    ["a payload that does not fit its type", "add_time", { seconds: "lots" }, facilitator, playing, { kind: "refused", code: "protocol/bad_payload" }],
  ] as const)("%s", (_what, type, payload, seating, moment, route) => {
    expect(routeMessage(type, payload, seating, moment)).toMatchObject(route);
  });
});

import type { Room } from "colyseus.js";
import type { CreateWorkshopRequest, CreateWorkshopResponse, WorkshopServerMessages, WorkshopServerMessageType } from "../../shared/protocol/workshop.js";
import { withProtocol } from "../../shared/protocol/version.js";
import { listen, type BufferingClient } from "./earlyMessages.js";

/*
 * A table with a facilitator, over the wire, the only way one exists: a workshop round. Two
 * people join a new workshop, its facilitator pairs them and starts the round, and their
 * workshop tokens open the table's seats; the workshop's secret opens it for a facilitator.
 * Then all three leave the workshop room: the table stays open, nobody seated yet.
 */

export type WorkshopTable = {
  readonly code: string;
  readonly seats: { readonly buyer: string; readonly seller: string };
  readonly facilitatorSecret: string;
};

const ANSWER_MS = 15_000;

type Member = { readonly room: Room; readonly received: { type: string; payload: unknown }[] };

export async function openWorkshopTableOverWire(httpBase: string, colyseus: BufferingClient, scenarioId: string): Promise<WorkshopTable> {
  const request: CreateWorkshopRequest = { title: "A table with a facilitator", scenarioId, deck: "random", oddSeat: "bot", botLevel: "easy" };
  const response = await fetch(`${httpBase}/api/workshops`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(ANSWER_MS),
  });
  if (response.status !== 201) throw new Error(`POST /api/workshops → ${response.status}: ${await response.text()}`);
  const created = (await response.json()) as CreateWorkshopResponse;

  const members: Member[] = [];
  const join = async (options: object): Promise<Member> => {
    const room = await colyseus.joinById(created.code, withProtocol(options));
    const member: Member = { room, received: [] };
    listen(room, (type, payload) => member.received.push({ type, payload }));
    members.push(member);
    return member;
  };
  try {
    const facilitator = await join({ facilitator: created.facilitatorSecret });
    const buyer = await join({ name: "Buyer" });
    const seller = await join({ name: "Seller" });
    const [b, s] = await Promise.all([participant(buyer), participant(seller)]);
    facilitator.room.send("start_round", {
      settings: { scenarioId, deck: "random", oddSeat: "bot", botLevel: "easy" },
      pairing: { tables: [{ buyer: b.participantId, seller: s.participantId }], observers: [] },
    });
    const assignment = await waitFor(buyer, "assignment", (a) => a.kind === "seat", () => {
      const refusal = facilitator.received.find((m) => m.type === "error");
      if (refusal) throw new Error(`round refused: ${(refusal.payload as WorkshopServerMessages["error"]).message}`);
    });
    if (assignment.kind !== "seat") throw new Error("the buyer was not seated");
    return { code: assignment.table, seats: { buyer: b.token, seller: s.token }, facilitatorSecret: created.facilitatorSecret };
  } finally {
    await Promise.all(members.map((m) => m.room.leave(true).catch(() => undefined)));
  }
}

async function participant(member: Member): Promise<{ participantId: string; token: string }> {
  const welcome = await waitFor(member, "welcome", (w) => w.kind === "participant");
  if (welcome.kind !== "participant" || welcome.token === null) throw new Error("a participant got no token");
  return { participantId: welcome.participantId, token: welcome.token };
}

/** The first message of a type that passes `ok`, polled until ANSWER_MS; `check` may throw to give up sooner. */
async function waitFor<T extends WorkshopServerMessageType>(
  member: Member,
  type: T,
  ok: (m: WorkshopServerMessages[T]) => boolean,
  check: () => void = () => undefined,
): Promise<WorkshopServerMessages[T]> {
  const deadline = Date.now() + ANSWER_MS;
  for (;;) {
    check();
    const found = member.received.find((m) => m.type === type && ok(m.payload as WorkshopServerMessages[T]));
    if (found) return found.payload as WorkshopServerMessages[T];
    if (Date.now() > deadline) throw new Error(`no "${type}" from the workshop within ${ANSWER_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

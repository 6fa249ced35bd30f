import type { Pairing } from "../../../shared/workshop/pairing.js";
import type { Assignment, CreateWorkshopRequest, CreateWorkshopResponse, RoundSettings } from "../../../shared/protocol/workshop.js";
import type { Harness } from "../../server/helpers/harness.js";
import type { Player } from "../../server/helpers/player.js";
import { until } from "../../server/helpers/wait.js";
import { createWorkshop, WorkshopMember } from "./workshopClient.js";

// backup-appliance: the seller opens; price 14,000–26,000 in steps of 250; the buyer's board cap is at least 22,000.
export const terms = (price: number) => ({ price, support: "business", warranty: 24, delivery: 4, payment: "net30" });

export type Workshop = {
  readonly created: CreateWorkshopResponse;
  readonly facilitator: WorkshopMember;
  readonly people: WorkshopMember[];
};

export const baseUrl = (h: Harness) => `http://127.0.0.1:${h.running.port}`;

/** A workshop with a facilitator and `names.length` participants in its lobby. */
export async function openWorkshopWith(h: Harness, names: readonly string[], request: Partial<CreateWorkshopRequest> = {}): Promise<Workshop> {
  const created = await createWorkshop(baseUrl(h), request);
  const facilitator = await WorkshopMember.join(h.endpoint, created.code, { facilitator: created.facilitatorSecret }, "facilitator");
  const people: WorkshopMember[] = [];
  for (const name of names) people.push(await WorkshopMember.join(h.endpoint, created.code, { name }, name));
  await facilitator.latest("lobby", (l) => l.roster.length === names.length && l.roster.every((r) => r.online));
  return { created, facilitator, people };
}

export function settingsOf(request: Partial<RoundSettings> = {}): RoundSettings {
  return { scenarioId: "backup-appliance", deck: "same", oddSeat: "bot", botLevel: "easy", ...request };
}

export async function propose(w: Workshop, oddSeat: RoundSettings["oddSeat"] = "bot"): Promise<Pairing> {
  const before = w.facilitator.count("proposal");
  w.facilitator.send("propose", { oddSeat });
  return (await w.facilitator.next("proposal", before)).pairing;
}

/** Start a round and wait until every participant placed in it has their assignment. */
export async function startRound(w: Workshop, pairing: Pairing, settings: RoundSettings = settingsOf()): Promise<void> {
  const answer = await w.facilitator.control("start_round", { settings, pairing });
  if (!("results" in answer)) throw new Error(`round refused: ${answer.message}`);
  const placed = new Set([...pairing.tables.flatMap((t) => [t.buyer, t.seller]), ...pairing.observers.map((o) => o.participantId)]);
  for (const p of w.people) {
    const id = p.last("welcome");
    if (id?.kind === "participant" && placed.has(id.participantId)) await p.latest("assignment", (a) => a.kind !== "none" && a.round >= 1);
  }
}

export function idOf(member: WorkshopMember): string {
  const welcome = member.last("welcome");
  if (welcome?.kind !== "participant") throw new Error(`${member.label} is not a participant`);
  return welcome.participantId;
}

export function seatOf(member: WorkshopMember): Extract<Assignment, { kind: "seat" }> {
  const a = member.last("assignment");
  if (a?.kind !== "seat") throw new Error(`${member.label} has no seat: ${JSON.stringify(a)}`);
  return a;
}

/** The participant token the workshop gave this member when they first joined. */
export function tokenOf(member: WorkshopMember): string {
  const token = member.messages("welcome").find((m) => m.kind === "participant" && m.token !== null);
  if (token?.kind !== "participant" || token.token === null) throw new Error(`${member.label} was never given a participant token`);
  return token.token;
}

/** Sit every seated participant down at their table (as the lobby does: their workshop token opens the seat). */
export async function sitDown(h: Harness, w: Workshop): Promise<Map<string, Player>> {
  const players = new Map<string, Player>();
  for (const p of w.people) {
    const a = p.last("assignment");
    if (a?.kind !== "seat") continue;
    players.set(p.label, await h.join(a.table, { seat: tokenOf(p), name: p.label }, `${p.label} at ${a.table}`));
  }
  for (const player of players.values()) await until(`${player.label}: game started`, () => player.state.started);
  return players;
}

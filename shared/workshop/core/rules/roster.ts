import { uniqueName } from "../../names.js";
import type { CommandOf } from "../step.js";
import { done, refuse, type StepResult } from "../result.js";
import { FULL, isFull, personOf, type PersonFacts, type WorkshopState } from "../state.js";

function withPerson(state: WorkshopState, id: string, change: Partial<Pick<PersonFacts, "left" | "removed">>): WorkshopState {
  return { ...state, people: state.people.map((p) => (p.id === id ? { ...p, ...change } : p)) };
}

/** A new participant, with a name no one else in the workshop has. */
export function join(state: WorkshopState, command: CommandOf<"join">): StepResult {
  if (isFull(state)) return refuse("workshop/not_allowed", FULL);
  const person: PersonFacts = {
    id: `p${state.people.length + 1}`,
    name: uniqueName(command.name, state.people.map((p) => p.name)),
    tokenHash: command.tokenHash,
    joinedAt: command.at,
    left: false,
    removed: false,
  };
  return done({ ...state, people: [...state.people, person] }, { kind: "store", write: { type: "add_participant", person } }, { kind: "lobby" });
}

/** Coming back with one's token after leaving is rejoining: the place is theirs again. */
export function returnTo(state: WorkshopState, command: CommandOf<"return">): StepResult {
  const person = personOf(state, command.participantId);
  if (!person || person.removed) return refuse("workshop/not_allowed", "The facilitator removed you from this workshop.");
  if (!person.left) return done(state, { kind: "lobby" });
  return done(withPerson(state, person.id, { left: false }), { kind: "store", write: { type: "participant_left", participantId: person.id, left: false } }, { kind: "lobby" });
}

export function leave(state: WorkshopState, command: CommandOf<"leave">): StepResult {
  const person = personOf(state, command.participantId);
  if (!person) return done(state);
  return done(withPerson(state, person.id, { left: true }), { kind: "store", write: { type: "participant_left", participantId: person.id, left: true } }, { kind: "lobby" });
}

export function remove(state: WorkshopState, command: CommandOf<"remove">): StepResult {
  const person = personOf(state, command.participantId);
  if (!person || person.left) return refuse("workshop/unknown_participant", "That participant is not in the workshop.");
  return done(
    withPerson(state, person.id, { left: true, removed: true }),
    { kind: "store", write: { type: "remove_participant", participantId: person.id } },
    { kind: "evict", participantId: person.id },
    { kind: "lobby" },
  );
}

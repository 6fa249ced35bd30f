import type { ClassDebrief } from "../../../shared/workshop/classStats.js";
import type { WorkshopServerMessages } from "../../../shared/protocol/workshop.js";
import type { ProjectorView } from "../../../shared/protocol/projector.js";

/*
 * Everything a browser knows about its workshop, as plain immutable data built from the room's
 * messages. One reducer changes it, so the screens stay thin and every transition is testable.
 * A participant's model never holds facilitator data: the server never sends it to them.
 */

export type WorkshopLink = "connecting" | "live" | "reconnecting" | "closed";

export type WorkshopModel = {
  readonly link: WorkshopLink;
  readonly closedReason: string | null;
  readonly welcome: WorkshopServerMessages["welcome"] | null;
  readonly lobby: WorkshopServerMessages["lobby"] | null;
  readonly assignment: WorkshopServerMessages["assignment"] | null;
  readonly broadcasts: readonly WorkshopServerMessages["broadcast"][];
  readonly result: WorkshopServerMessages["result"] | null;
  readonly console: WorkshopServerMessages["console"] | null;
  readonly grid: WorkshopServerMessages["grid"] | null;
  readonly debrief: ClassDebrief | null;
  /** A projector's whole view; a projector gets nothing else but its welcome. */
  readonly projector: ProjectorView | null;
  readonly proposal: WorkshopServerMessages["proposal"] | null;
  /** The answer to the facilitator's last control, with when it came (to show it for a while). */
  readonly control: (WorkshopServerMessages["control"] & { readonly at: number }) | null;
  readonly error: (WorkshopServerMessages["error"] & { readonly at: number }) | null;
};

export type WorkshopInput =
  | { readonly kind: "message"; readonly type: keyof WorkshopServerMessages; readonly payload: unknown; readonly at: number }
  | { readonly kind: "link"; readonly link: WorkshopLink; readonly reason?: string }
  | { readonly kind: "dismiss" }
  /** The answer that came at `at` has been on screen long enough: it goes if every table carried the control out. */
  | { readonly kind: "expire"; readonly at: number };

export const emptyWorkshop: WorkshopModel = {
  link: "connecting",
  closedReason: null,
  welcome: null,
  lobby: null,
  assignment: null,
  broadcasts: [],
  result: null,
  console: null,
  grid: null,
  debrief: null,
  projector: null,
  proposal: null,
  control: null,
  error: null,
};

/** Broadcasts kept on screen: the latest few are enough to catch up after a glance away. */
const BROADCASTS_SHOWN = 5;

export function reduceWorkshop(model: WorkshopModel, input: WorkshopInput): WorkshopModel {
  switch (input.kind) {
    case "link":
      return { ...model, link: input.link, closedReason: input.link === "closed" ? (input.reason ?? null) : null };
    case "dismiss":
      return { ...model, control: null, error: null };
    case "expire":
      // A refusal stays until dismissed: the facilitator has to read which table did not follow.
      return model.control?.at === input.at && model.control.results.every((r) => r.ok) ? { ...model, control: null } : model;
    case "message":
      return onMessage(model, input.type, input.payload, input.at);
  }
}

function onMessage(model: WorkshopModel, type: keyof WorkshopServerMessages, payload: unknown, at: number): WorkshopModel {
  switch (type) {
    case "welcome":
      return { ...model, welcome: payload as WorkshopServerMessages["welcome"] };
    case "lobby":
      return { ...model, lobby: payload as WorkshopServerMessages["lobby"] };
    case "assignment":
      return { ...model, assignment: payload as WorkshopServerMessages["assignment"] };
    case "broadcast": {
      const b = payload as WorkshopServerMessages["broadcast"];
      // A reconnect replays the recent broadcasts: keep each one once.
      if (model.broadcasts.some((x) => x.at === b.at && x.text === b.text)) return model;
      return { ...model, broadcasts: [...model.broadcasts, b].slice(-BROADCASTS_SHOWN) };
    }
    case "result":
      return { ...model, result: payload as WorkshopServerMessages["result"] };
    case "console": {
      const next = payload as WorkshopServerMessages["console"];
      // A proposal is for the round after the last one: once that round has started it is spent.
      const started = model.console !== null && next.rounds.length !== model.console.rounds.length;
      return { ...model, console: next, proposal: started ? null : model.proposal };
    }
    case "grid":
      return { ...model, grid: payload as WorkshopServerMessages["grid"] };
    case "debrief":
      return { ...model, debrief: payload as ClassDebrief };
    case "proposal":
      return { ...model, proposal: payload as WorkshopServerMessages["proposal"] };
    case "projector":
      return { ...model, projector: payload as ProjectorView };
    case "control":
      return { ...model, control: { ...(payload as WorkshopServerMessages["control"]), at }, error: null };
    case "error":
      return { ...model, error: { ...(payload as WorkshopServerMessages["error"]), at } };
  }
}

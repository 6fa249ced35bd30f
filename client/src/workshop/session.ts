import { Client, type Room } from "colyseus.js";
import { CLOSE_CODES } from "../../../shared/protocol/join.js";
import { OUTDATED_CODE, OUTDATED_NOTICE, withProtocol } from "../../../shared/protocol/version.js";
import { WORKSHOP_CLOSE_CODES, type WorkshopJoinOptions, type WorkshopServerMessages } from "../../../shared/protocol/workshop.js";
import { emptyWorkshop, reduceWorkshop, type WorkshopInput, type WorkshopModel } from "./model.js";

/*
 * The one connection a browser tab keeps to its workshop. It outlives the screens: a participant
 * at their table still hears the facilitator's broadcasts and learns when their debrief is
 * ready. A dropped connection comes back on its own, as the same participant (their token).
 */

export type WorkshopCredentials =
  | { readonly kind: "participant"; readonly code: string; readonly token: string | null; readonly name: string }
  | { readonly kind: "facilitator"; readonly code: string; readonly secret: string }
  | { readonly kind: "projector"; readonly code: string; readonly key: string };

export type SessionHooks = {
  /** A participant was let in: keep their token for the next reload. */
  readonly onParticipant?: (token: string, name: string) => void;
  /** The stored token or secret was refused: forget it. */
  readonly onRefused?: (code: string, message: string) => void;
};

const MESSAGE_TYPES = [
  "welcome",
  "lobby",
  "assignment",
  "broadcast",
  "result",
  "console",
  "grid",
  "debrief",
  "proposal",
  "projector",
  "control",
  "error",
] as const satisfies readonly (keyof WorkshopServerMessages)[];

/** How long the answer to a control stays on screen when every table carried it out. */
const ANSWER_SHOWN_MS = 8000;

/** Closes after which coming back is pointless. A server restart is not one: the workshop is rebuilt from the store. */
const FINAL_CLOSES = new Map<number, string>([
  [4000, "You left the workshop."],
  [WORKSHOP_CLOSE_CODES.removed, "The facilitator removed you from this workshop."],
  [CLOSE_CODES.tableClosed, "The workshop has closed."],
  [CLOSE_CODES.rateLimited, "Too many messages were sent from this window: the connection was closed."],
]);

export class WorkshopSession {
  private model: WorkshopModel = emptyWorkshop;
  private readonly listeners = new Set<(model: WorkshopModel) => void>();
  private room: Room | null = null;
  private closedByUs = false;
  private credentials: WorkshopCredentials;

  constructor(
    private readonly client: Client,
    credentials: WorkshopCredentials,
    private readonly hooks: SessionHooks,
  ) {
    this.credentials = credentials;
    void this.connect(true);
  }

  get code(): string {
    return this.credentials.code;
  }

  get kind(): WorkshopCredentials["kind"] {
    return this.credentials.kind;
  }

  get current(): WorkshopModel {
    return this.model;
  }

  subscribe(listener: (model: WorkshopModel) => void): () => void {
    this.listeners.add(listener);
    listener(this.model);
    return () => this.listeners.delete(listener);
  }

  send(type: string, payload: unknown = {}): void {
    if (!this.room) {
      this.dispatch({ kind: "message", type: "error", payload: { code: "workshop/not_allowed", message: "Not connected to the workshop right now: try again in a moment.", request: type }, at: Date.now() });
      return;
    }
    this.room.send(type, payload);
  }

  dismiss(): void {
    this.dispatch({ kind: "dismiss" });
  }


  /** Leave for good (a participant's "leave the workshop"): the place is given up. */
  async leaveWorkshop(): Promise<void> {
    this.send("leave");
    await this.close();
  }

  /** Close this tab's connection (the place is kept for a participant who comes back). */
  async close(): Promise<void> {
    this.closedByUs = true;
    await this.room?.leave(true).catch(() => undefined);
  }

  private dispatch(input: WorkshopInput): void {
    this.model = reduceWorkshop(this.model, input);
    for (const listener of this.listeners) listener(this.model);
  }

  private options(): WorkshopJoinOptions {
    const c = this.credentials;
    if (c.kind === "facilitator") return { facilitator: c.secret };
    if (c.kind === "projector") return { projector: c.key };
    return c.token ? { participant: c.token } : { name: c.name };
  }

  private async connect(first: boolean): Promise<void> {
    let delay = 300;
    for (;;) {
      if (this.closedByUs) return;
      try {
        const room = await this.client.joinById(this.credentials.code, withProtocol(this.options()));
        this.attach(room);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const code = /^((?:workshop|protocol)\/[a-z_]+):\s*(.*)$/.exec(message);
        if (code) {
          // Refused, not unreachable: trying again would be refused again (a tab of an older build only after a reload).
          const reason = code[1] === OUTDATED_CODE ? OUTDATED_NOTICE : (code[2] as string);
          this.hooks.onRefused?.(code[1] as string, reason);
          this.dispatch({ kind: "link", link: "closed", reason });
          return;
        }
        if (first && /not found|4212/i.test(message)) {
          this.dispatch({ kind: "link", link: "closed", reason: `No workshop is running with the code ${this.credentials.code}. Check the code with your facilitator.` });
          return;
        }
        this.dispatch({ kind: "link", link: "reconnecting" });
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  private attach(room: Room): void {
    this.room = room;
    for (const type of MESSAGE_TYPES)
      room.onMessage(type, (payload: unknown) => {
        if (type === "welcome") this.onWelcome(payload as WorkshopServerMessages["welcome"]);
        const at = Date.now();
        this.dispatch({ kind: "message", type, payload, at });
        // "Pause: 3 of 3 tables done" has been read after a while; a refusal stays until dismissed (model.ts).
        if (type === "control") setTimeout(() => this.dispatch({ kind: "expire", at }), ANSWER_SHOWN_MS);
      });
    room.onLeave((code) => {
      this.room = null;
      const final = FINAL_CLOSES.get(code);
      if (this.closedByUs || final) {
        this.dispatch({ kind: "link", link: "closed", reason: final ?? "You left the workshop." });
        return;
      }
      this.dispatch({ kind: "link", link: "reconnecting" });
      void this.connect(false);
    });
    this.dispatch({ kind: "link", link: "live" });
  }

  private onWelcome(welcome: WorkshopServerMessages["welcome"]): void {
    if (welcome.kind !== "participant" || this.credentials.kind !== "participant") return;
    const token = welcome.token ?? this.credentials.token;
    if (!token) return;
    // From now on this tab comes back as the same participant, never as a new one.
    this.credentials = { ...this.credentials, token, name: welcome.name };
    this.hooks.onParticipant?.(token, welcome.name);
  }
}

let active: WorkshopSession | null = null;

/** The tab's workshop connection: reused while it is for the same workshop and role, replaced otherwise. */
export function workshopSession(credentials: WorkshopCredentials, hooks: SessionHooks): WorkshopSession {
  if (active && active.code === credentials.code && active.kind === credentials.kind && active.current.link !== "closed") return active;
  void active?.close();
  const endpoint = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
  active = new WorkshopSession(new Client(endpoint), credentials, hooks);
  return active;
}

export function activeWorkshop(): WorkshopSession | null {
  return active;
}

export function endWorkshopSession(): void {
  void active?.close();
  active = null;
}

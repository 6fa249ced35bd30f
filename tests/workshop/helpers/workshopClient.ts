import type { CreateWorkshopRequest, CreateWorkshopResponse, WorkshopJoinOptions, WorkshopServerMessages, WorkshopServerMessageType } from "../../../shared/protocol/workshop.js";
import { WORKSHOP_ROOM } from "../../../shared/protocol/workshop.js";
import { withProtocol } from "../../../shared/protocol/version.js";
import type { Room } from "colyseus.js";
import { CapturingClient } from "../../server/helpers/player.js";
import { until } from "../../server/helpers/wait.js";

/** One person connected to a workshop room (participant or facilitator), recording every frame and message. */
export class WorkshopMember {
  room!: Room;

  private constructor(
    readonly client: CapturingClient,
    readonly label: string,
  ) {}

  static async join(endpoint: string, code: string, options: WorkshopJoinOptions, label: string): Promise<WorkshopMember> {
    const member = new WorkshopMember(new CapturingClient(endpoint), label);
    member.room = await member.client.joinById(code, withProtocol(options));
    await until(`${label}: welcome`, () => member.count("welcome") > 0);
    return member;
  }

  messages<T extends WorkshopServerMessageType>(type: T): WorkshopServerMessages[T][] {
    return this.client.received.filter((m) => m.type === type).map((m) => m.payload as WorkshopServerMessages[T]);
  }

  count(type: WorkshopServerMessageType): number {
    return this.messages(type).length;
  }

  last<T extends WorkshopServerMessageType>(type: T): WorkshopServerMessages[T] | undefined {
    return this.messages(type).at(-1);
  }

  /** The next message of a type after `after` of them have arrived. */
  async next<T extends WorkshopServerMessageType>(type: T, after: number, timeoutMs = 5000): Promise<WorkshopServerMessages[T]> {
    await until(`${this.label}: ${type} #${after + 1}`, () => this.count(type) > after, timeoutMs);
    return this.messages(type)[after] as WorkshopServerMessages[T];
  }

  /** Wait until the latest message of a type satisfies a predicate. */
  async latest<T extends WorkshopServerMessageType>(type: T, ok: (m: WorkshopServerMessages[T]) => boolean, timeoutMs = 5000): Promise<WorkshopServerMessages[T]> {
    await until(`${this.label}: ${type} matching`, () => {
      const m = this.last(type);
      return m !== undefined && ok(m);
    }, timeoutMs);
    return this.last(type) as WorkshopServerMessages[T];
  }

  send(type: string, payload: unknown = {}): void {
    this.room.send(type, payload);
  }

  /** Send a control and wait for its answer: the control report, or the refusal. */
  async control(type: string, payload: unknown = {}): Promise<WorkshopServerMessages["control"] | WorkshopServerMessages["error"]> {
    const controls = this.count("control");
    const errors = this.count("error");
    this.send(type, payload);
    await until(`${this.label}: answer to ${type}`, () => this.count("control") > controls || this.count("error") > errors, 10_000);
    return this.count("error") > errors ? (this.messages("error")[errors] as WorkshopServerMessages["error"]) : (this.messages("control")[controls] as WorkshopServerMessages["control"]);
  }

  drop(): void {
    this.room.connection.close(4999, "test drop");
  }

  async leave(): Promise<void> {
    if (this.room.connection.isOpen) await this.room.leave(true);
  }
}

export async function createWorkshop(base: string, request: Partial<CreateWorkshopRequest> = {}): Promise<CreateWorkshopResponse> {
  const body: CreateWorkshopRequest = { title: "Negotiation basics", scenarioId: "backup-appliance", deck: "same", oddSeat: "bot", botLevel: "easy", ...request };
  const res = await fetch(`${base}/api/workshops`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`workshop not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreateWorkshopResponse;
}

export { WORKSHOP_ROOM };

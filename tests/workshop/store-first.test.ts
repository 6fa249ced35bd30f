import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../server/storage/store.js";
import { bootServer, type Harness } from "../server/helpers/harness.js";
import { joinError } from "../server/helpers/joinError.js";
import { sleep } from "../server/helpers/wait.js";
import { idOf, openWorkshopWith, type Workshop } from "./helpers/setup.js";
import { WorkshopMember } from "./helpers/workshopClient.js";

/*
 * Every change a workshop makes is in the store before anyone hears of it: when the store
 * cannot take a change, the facilitator is told, nothing is announced, and nothing changed.
 */

let h: Harness;
let w: Workshop;

beforeAll(async () => {
  h = await bootServer();
  w = await openWorkshopWith(h, ["Ann", "Ben"]);
});

afterAll(async () => {
  await Promise.all([w.facilitator, ...w.people].map((m) => m.leave()));
  await h.stop();
});

/** Run `body` while the store refuses one kind of write. */
async function whileFailing<K extends keyof Store>(method: K, body: () => Promise<void>): Promise<void> {
  const store = h.running.services.store;
  const kept = store[method];
  (store as unknown as Record<K, unknown>)[method] = () => Promise.reject(new Error("the disk is full"));
  try {
    await body();
  } finally {
    (store as unknown as Record<K, unknown>)[method] = kept;
  }
}

/** Long enough for a wrongly sent message to arrive: the room answers in well under this. */
const SETTLE_MS = 300;

describe("a workshop whose store cannot keep a change", () => {
  it("tells the facilitator a broadcast was not kept, and nobody receives it", async () => {
    const [ann] = w.people;
    await whileFailing("addBroadcast", async () => {
      const answer = await w.facilitator.control("broadcast", { text: "Back at two." });
      expect(answer).toMatchObject({ code: "workshop/server_error", request: "broadcast" });
      await sleep(SETTLE_MS);
    });
    expect(ann!.count("broadcast")).toBe(0);
    expect(w.facilitator.count("broadcast")).toBe(0);
    // Once the store takes it, everyone hears it, and a newcomer is shown only what was kept.
    w.facilitator.send("broadcast", { text: "Back at three." });
    expect((await ann!.next("broadcast", 0)).text).toBe("Back at three.");
    const late = await WorkshopMember.join(h.endpoint, w.created.code, { name: "Cy" }, "Cy");
    await late.next("broadcast", 0);
    await sleep(SETTLE_MS);
    expect(late.messages("broadcast").map((b) => b.text)).toEqual(["Back at three."]);
    await late.leave();
  });

  it("keeps a participant the store could not remove: still connected and in the lobby", async () => {
    const ben = w.people[1]!;
    const lobbies = ben.count("lobby");
    await whileFailing("removeParticipant", async () => {
      const answer = await w.facilitator.control("remove", { participantId: idOf(ben) });
      expect(answer).toMatchObject({ code: "workshop/server_error", request: "remove" });
      await sleep(SETTLE_MS);
    });
    expect(ben.count("error")).toBe(0);
    expect(ben.count("lobby")).toBe(lobbies);
    const console = w.facilitator.last("console");
    expect(console?.participants.find((p) => p.participantId === idOf(ben))).toMatchObject({ left: false, online: true });
  });

  it("refuses a join the store could not record, and the lobby never lists the newcomer", async () => {
    const lobbies = w.facilitator.count("lobby");
    await whileFailing("addParticipant", async () => {
      expect(await joinError(WorkshopMember.join(h.endpoint, w.created.code, { name: "Dot" }, "Dot"))).toMatch(/could not keep that on record/);
    });
    await sleep(SETTLE_MS);
    for (const lobby of w.facilitator.messages("lobby").slice(lobbies)) expect(lobby.roster.map((r) => r.name)).not.toContain("Dot");
    expect(w.facilitator.messages("error").at(-1)).toMatchObject({ code: "workshop/server_error", request: null });
  });

  it("keeps the projector setting as it was when the store could not keep the switch", async () => {
    const lobbies = w.facilitator.count("lobby");
    await whileFailing("setWorkshopSettings", async () => {
      expect(await w.facilitator.control("set_anonymous", { anonymous: true })).toMatchObject({ code: "workshop/server_error" });
    });
    await sleep(SETTLE_MS);
    expect(w.facilitator.count("lobby")).toBe(lobbies);
    // The next change announced still says names are shown.
    w.people[0]!.drop();
    expect((await w.facilitator.next("lobby", lobbies)).workshop.anonymous).toBe(false);
  });
});

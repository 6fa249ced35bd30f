import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "../../shared/protocol/version.js";
import { createWorkshop } from "../workshop/helpers/workshopClient.js";
import { bootServer, type Harness } from "./helpers/harness.js";
import { joinError } from "./helpers/joinError.js";

/*
 * A tab keeps the build it loaded. After a deployment it meets a newer server: every join it
 * makes is refused with one stable code (the client shows "Parley was updated — reload this
 * page"), before anything else about the join is looked at.
 */

let h: Harness;
beforeAll(async () => {
  h = await bootServer();
});
afterAll(async () => {
  await h.stop();
});

const OLD_BUILDS: readonly [string, (options: object) => unknown][] = [
  ["no version (every build before versions)", (o) => o],
  ["an older version", (o) => ({ ...o, protocol: PROTOCOL_VERSION - 1 })],
  ["a newer version", (o) => ({ ...o, protocol: PROTOCOL_VERSION + 1 })],
  ["a version that is not a number", (o) => ({ ...o, protocol: String(PROTOCOL_VERSION) })],
];

const refusedWith = async (code: string, options: unknown) => joinError(new Client(h.endpoint).joinById(code, options as object));

describe("the protocol version in the join handshake", () => {
  it.each(OLD_BUILDS)("a table refuses a join with %s as protocol/outdated, seat token or not", async (_label, as) => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    for (const options of [{}, { seat: table.seats.buyer! }, { seat: table.seats.buyer!, name: "Old tab" }])
      expect(await refusedWith(table.code, as(options))).toMatch(/^protocol\/outdated: /);
    // Nobody was seated by the refused tab: the seat still opens for the current build.
    const buyer = await h.join(table.code, { seat: table.seats.buyer! }, "buyer");
    expect(buyer.last("welcome")).toMatchObject({ role: "buyer" });
  });

  it.each(OLD_BUILDS)("a workshop refuses a join with %s as protocol/outdated", async (_label, as) => {
    const created = await createWorkshop(`http://127.0.0.1:${h.running.port}`);
    for (const options of [{ name: "Old tab" }, { facilitator: created.facilitatorSecret }])
      expect(await refusedWith(created.code, as(options))).toMatch(/^protocol\/outdated: /);
  });

  it("checks the version before anything else: bad options of an old tab are still 'outdated'", async () => {
    const table = await h.open({ scenarioId: "backup-appliance" });
    expect(await refusedWith(table.code, { seat: "garbage", role: "seller" })).toMatch(/^protocol\/outdated: /);
    expect(await refusedWith(table.code, { protocol: PROTOCOL_VERSION, seat: "garbage" })).toMatch(/^join\/bad_options: /);
  });
});

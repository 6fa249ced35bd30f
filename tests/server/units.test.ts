import { describe, expect, it } from "vitest";
import { parseConfig } from "../../server/config.js";
import { MessageBudget } from "../../server/room/messageBudget.js";
import { IndexedLocalDriver } from "../../server/roomListings.js";
import { hashSecret, newSecret, secretMatches } from "../../server/storage/secrets.js";
import { tableBotSchema } from "../../server/tables/tableSpec.js";
import { SECRET_PATTERN } from "../../shared/protocol/join.js";

describe("config", () => {
  it("defaults to loopback, port 2567 and a 60 s reconnect window", () => {
    const parsed = parseConfig({});
    expect(parsed).toMatchObject({ ok: true, config: { HOST: "127.0.0.1", PORT: 2567, RECONNECT_SECONDS: 60, LOG_LEVEL: "info", MAX_PAYLOAD_BYTES: 4096 } });
  });

  it("reads the environment and treats empty variables as unset", () => {
    const parsed = parseConfig({ PORT: "8080", HOST: "0.0.0.0", RECONNECT_SECONDS: "2.5", BOT_THINK_MS: "", UNRELATED: "x" });
    expect(parsed).toMatchObject({ ok: true, config: { PORT: 8080, HOST: "0.0.0.0", RECONNECT_SECONDS: 2.5, BOT_THINK_MS: 1200 } });
  });

  it("names every bad variable", () => {
    const parsed = parseConfig({ PORT: "eighty", RECONNECT_SECONDS: "0", LOG_LEVEL: "loud", MAX_PAYLOAD_BYTES: "10" });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems.join("\n");
    for (const name of ["PORT", "RECONNECT_SECONDS", "LOG_LEVEL", "MAX_PAYLOAD_BYTES"]) expect(problems).toContain(name);
  });
});

describe("a stored bot seat", () => {
  it.each([
    ["a level, as every table stored before tit-for-tat", { role: "buyer", level: "tough" }, true],
    ["tit-for-tat", { role: "seller", level: "tit_for_tat" }, true],
    ["a tactic a player cannot pick", { role: "seller", level: "boulware" }, false],
    ["no seat at all", null, true],
  ])("reads back %s: %j", (_what, row, reads) => {
    expect(tableBotSchema.safeParse(JSON.parse(JSON.stringify(row))).success).toBe(reads);
  });
});

describe("message budget", () => {
  it("allows a burst, then refills at the rate, per connection", () => {
    const budget = new MessageBudget(10, 5);
    const t0 = 1_000_000;
    expect(Array.from({ length: 6 }, () => budget.take("a", t0))).toEqual([true, true, true, true, true, false]);
    expect(budget.take("b", t0)).toBe(true);
    expect(budget.take("a", t0 + 99)).toBe(false);
    expect(budget.take("a", t0 + 100)).toBe(true);
    expect(Array.from({ length: 6 }, () => budget.take("a", t0 + 10_000)).filter(Boolean)).toHaveLength(5);
    budget.forget("a");
    expect(budget.take("a", t0 + 10_000)).toBe(true);
  });
});

describe("seat secrets", () => {
  it("are 256 random bits in base64url and match only their own digest", () => {
    const a = newSecret();
    const b = newSecret();
    expect(a).toMatch(SECRET_PATTERN);
    expect(a).not.toBe(b);
    expect(secretMatches(a, hashSecret(a))).toBe(true);
    expect(secretMatches(b, hashSecret(a))).toBe(false);
    expect(secretMatches("", hashSecret(a))).toBe(false);
    expect(secretMatches(a + "x", hashSecret(a))).toBe(false);
    // A seat with no token (a bot's) is never opened, not even by an empty or zero-looking token.
    expect(secretMatches(a, null)).toBe(false);
    expect(secretMatches("", null)).toBe(false);
  });
});

describe("room listings by id", () => {
  it("find a saved room by id until it is removed, and answer other queries as before", async () => {
    const driver = new IndexedLocalDriver();
    const listing = driver.createInstance({ name: "table", processId: "p" });
    expect(await driver.findOne({ roomId: "ABC234" })).toBeUndefined();
    listing.roomId = "ABC234";
    listing.save();
    expect(await driver.findOne({ roomId: "ABC234" })).toBe(listing);
    expect(driver.has("ABC234")).toBe(true);
    expect(await driver.findOne({ name: "table", processId: "p" })).toBe(listing);
    expect(driver.query({ name: "table" })).toEqual([listing]);
    listing.remove();
    expect(await driver.findOne({ roomId: "ABC234" })).toBeUndefined();
    expect(driver.has("ABC234")).toBe(false);
    expect(driver.query({ name: "table" })).toEqual([]);
  });
});

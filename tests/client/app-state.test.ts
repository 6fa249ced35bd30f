import { describe, expect, it } from "vitest";
import { inviteUrl, normaliseCode, parseRoute } from "../../client/src/app/routes.js";
import { SeatStore, type KeyValueStorage } from "../../client/src/app/seatStore.js";
import { joinProblem } from "../../client/src/net/joinErrors.js";

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe("addresses", () => {
  it("read a table, its invite token (from the fragment only) and a spectator's view", () => {
    expect(parseRoute("/t/ab2cde", "#seat=tok_123")).toEqual({ kind: "table", code: "AB2CDE", inviteToken: "tok_123" });
    expect(parseRoute("/t/AB2CDE", "")).toEqual({ kind: "table", code: "AB2CDE", inviteToken: null });
    expect(parseRoute("/watch/AB2CDE", "")).toEqual({ kind: "watch", code: "AB2CDE" });
    expect(parseRoute("/t/not a code!", "")).toEqual({ kind: "landing" });
    expect(parseRoute("/somewhere/else/entirely", "")).toEqual({ kind: "landing" });
  });

  it("take codes as people type them", () => {
    expect(normaliseCode("  ab2-cde ")).toBe("AB2CDE");
    expect(normaliseCode("x")).toBeNull();
    expect(normaliseCode("AB<script>")).toBeNull();
  });

  it("build an invite link that round-trips through the parser", () => {
    const url = new URL(inviteUrl("https://parley.example", "AB2CDE", "a-b_c"));
    expect(parseRoute(url.pathname, url.hash)).toEqual({ kind: "table", code: "AB2CDE", inviteToken: "a-b_c" });
  });
});

describe("the seat store", () => {
  const store = () => {
    const session = new MemoryStorage();
    return { session, seats: new SeatStore(session, new MemoryStorage()) };
  };

  it("keeps a seat per table and resumes its session after a reload", () => {
    const { seats } = store();
    seats.takeSeat("AB2CDE", "token-1", "Bea", { role: "seller", token: "token-2" });
    seats.update("AB2CDE", { reconnectionToken: "room:abc", role: "buyer" });
    expect(seats.get("AB2CDE")).toEqual({ token: "token-1", name: "Bea", role: "buyer", reconnectionToken: "room:abc", invite: { role: "seller", token: "token-2" } });
    // The same invite link opened again keeps the session; a different seat starts afresh.
    expect(seats.takeSeat("AB2CDE", "token-1", "Bea").reconnectionToken).toBe("room:abc");
    expect(seats.takeSeat("AB2CDE", "token-9", "Bea")).toMatchObject({ reconnectionToken: null, role: null, invite: null });
  });

  it("drops an entry it cannot read instead of trusting it", () => {
    const { session, seats } = store();
    session.setItem("parley:seat:AB2CDE", "{not json");
    expect(seats.get("AB2CDE")).toBeNull();
    session.setItem("parley:seat:AB2CDE", JSON.stringify({ token: 42, name: "Bea" }));
    expect(seats.get("AB2CDE")).toBeNull();
    expect(session.items.has("parley:seat:AB2CDE")).toBe(false);
  });
});

describe("join problems", () => {
  it("say in words why a table refused the join", () => {
    expect(joinProblem(new Error("join/seat_taken: Someone is already sitting in that seat."), "AB2CDE").kind).toBe("seat_taken");
    expect(joinProblem(new Error("join/bad_seat: That seat link is not valid for this table."), "AB2CDE")).toEqual({
      kind: "bad_seat",
      message: "That invite link is not valid for this table. Ask for a fresh link.",
    });
    expect(joinProblem(Object.assign(new Error('room "AB2CDE" not found'), { code: 4212 }), "AB2CDE")).toEqual({
      kind: "not_found",
      message: "There is no table with the code AB2CDE. Check the code — tables close once everyone has left.",
    });
    expect(joinProblem(new TypeError("Failed to fetch"), "AB2CDE").kind).toBe("network");
  });

  it("tell a tab of an older build that Parley was updated and the page must be reloaded", () => {
    const refusal = new Error("protocol/outdated: This page runs an older version of Parley and the server runs version 9: reload the page.");
    expect(joinProblem(refusal, "AB2CDE")).toEqual({ kind: "outdated", message: "Parley was updated — reload this page." });
    // Only that code: another refusal that mentions versions is not the reload notice.
    expect(joinProblem(new Error("join/bad_options: protocol: outdated"), "AB2CDE").kind).toBe("refused");
  });
});

import { ErrorCode, ServerError } from "@colyseus/core";
import { joinErrorMessage, joinOptionsSchema, type JoinErrorCode } from "../../shared/protocol/join.js";
import { checkProtocol, OUTDATED_CODE } from "../../shared/protocol/version.js";
import { secretMatches, type SecretHash } from "../storage/secrets.js";
import type { StoredTable } from "../storage/store.js";
import type { Seating } from "./audience.js";
import type { Seats } from "./seats.js";

/** A refused join: an answer to the client, not a failure of the server. */
export class JoinRefusal extends ServerError {
  constructor(code: JoinErrorCode, text: string) {
    super(ErrorCode.AUTH_FAILED, joinErrorMessage(code, text));
  }
}

/** Where a join may sit, and the name a player gave. */
export type Auth = Seating & { readonly name?: string };

/** What a join is checked against. */
type Door = {
  readonly seats: Seats;
  readonly origin: StoredTable;
  /** How many observers are connected now. */
  readonly observers: () => number;
  readonly maxObservers: number;
};

/**
 * The digest a facilitator's secret must match, or null when nobody may facilitate. Only a
 * workshop's table has one (its workshop's secret). Practice and head-to-head tables stored by
 * earlier builds still carry a digest of a secret their creator was given: it opens nothing, since
 * that creator sits in one of the seats and must never see the other side's hand.
 */
function facilitatorKey(table: StoredTable): SecretHash | null {
  return table.workshopId === null ? null : table.facilitatorSecretHash;
}

/**
 * Who a join is: the player of a free seat its token opens, the facilitator of a workshop's
 * table, or an observer while there is room. Anything else is refused with a JoinRefusal.
 */
export function authorize(options: unknown, door: Door): Auth {
  const version = checkProtocol(options);
  if (!version.ok) throw new JoinRefusal(OUTDATED_CODE, version.text);
  const parsed = joinOptionsSchema.safeParse(version.rest);
  if (!parsed.success) throw new JoinRefusal("join/bad_options", parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; "));
  const { seat, facilitator, name } = parsed.data;
  if (seat !== undefined) {
    const role = door.seats.roleForToken(seat);
    if (!role) throw new JoinRefusal("join/bad_seat", "That seat link is not valid for this table.");
    if (door.seats.isLive(role)) throw new JoinRefusal("join/seat_taken", "Someone is already sitting in that seat.");
    return { viewer: role, role, ...(name !== undefined ? { name } : {}) };
  }
  if (facilitator !== undefined) {
    if (!secretMatches(facilitator, facilitatorKey(door.origin))) throw new JoinRefusal("join/bad_facilitator", "That facilitator link is not valid for this table.");
    return { viewer: "facilitator", role: null };
  }
  if (door.observers() >= door.maxObservers) throw new JoinRefusal("join/full", "This table has as many observers as it can take.");
  return { viewer: "observer", role: null };
}

import { joinErrorCode } from "../../../shared/protocol/join.js";
import { OUTDATED_NOTICE } from "../../../shared/protocol/version.js";

/** Colyseus' matchmaking code for a room id nobody is using. */
const ROOM_NOT_FOUND = 4212;

export type JoinProblem = {
  /** "outdated": this tab runs an older build than the server; only a reload helps. */
  readonly kind: "not_found" | "bad_seat" | "seat_taken" | "full" | "refused" | "network" | "outdated";
  readonly message: string;
};

/** Why joining a table failed, in words a player can act on. */
export function joinProblem(error: unknown, code: string): JoinProblem {
  const message = error instanceof Error ? error.message : String(error);
  const status = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : null;
  switch (joinErrorCode(message)) {
    case "join/bad_seat":
      return { kind: "bad_seat", message: "That invite link is not valid for this table. Ask for a fresh link." };
    case "join/seat_taken":
      return { kind: "seat_taken", message: "Someone is already sitting in that seat — is the table open in another window?" };
    case "join/full":
      return { kind: "full", message: "This table has as many observers as it can take." };
    case "protocol/outdated":
      return { kind: "outdated", message: OUTDATED_NOTICE };
    case "join/bad_options":
    case "join/bad_facilitator":
      return { kind: "refused", message: message.replace(/^join\/[a-z_]+:\s*/, "") };
    case null:
      break;
  }
  if (status === ROOM_NOT_FOUND || /not found/i.test(message))
    return { kind: "not_found", message: `There is no table with the code ${code}. Check the code — tables close once everyone has left.` };
  if (error instanceof TypeError || /fetch|network|connect/i.test(message))
    return { kind: "network", message: "Could not reach the Parley server. Check your connection and try again." };
  return { kind: "refused", message: `The table refused the connection: ${message}` };
}

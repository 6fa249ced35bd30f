import type { RoundSettings } from "../../shared/protocol/workshop.js";
import type { StoreWrite } from "../../shared/workshop/core/index.js";
import type { SecretHash } from "../storage/secrets.js";
import type { Store } from "../storage/store.js";
import { seatingOf } from "./seating.js";

/** The workshop's settings as they are stored (the projector setting among them). */
type Settings = RoundSettings & { readonly title: string; readonly anonymous?: boolean };

/** One change the workshop core asks to keep, written to the store of workshop `code`. */
export function keepInStore(write: StoreWrite, code: string, settings: Settings, store: Store): Promise<void> {
  switch (write.type) {
    case "add_participant": {
      const { person } = write;
      return store.addParticipant({
        workshopId: code,
        participantId: person.id,
        displayName: person.name,
        // The core holds the digest as plain text; it was made by hashSecret in the room.
        tokenHash: person.tokenHash as SecretHash,
        joinedAt: person.joinedAt,
        left: false,
        removed: false,
      });
    }
    case "participant_left":
      return store.setParticipantLeft(code, write.participantId, write.left);
    case "remove_participant":
      return store.removeParticipant(code, write.participantId);
    case "broadcast":
      return store.addBroadcast(code, write.entry);
    case "anonymous":
      return store.setWorkshopSettings(code, { ...settings, anonymous: write.anonymous });
    case "start_round": {
      const { round } = write;
      return store.startWorkshopRound({
        workshopId: code,
        round: round.number,
        scenarioId: round.settings.scenarioId,
        scenarioVersion: round.scenarioVersion,
        settings: round.settings,
        startedAt: round.startedAt,
      });
    }
    case "seating":
      return store.setRoundSeating(code, write.round.number, seatingOf(write.round));
    case "end_round":
      return store.endWorkshopRound(code, write.round, write.at);
    default:
      return unreachable(write);
  }
}

function unreachable(write: never): never {
  throw new Error(`unhandled store write ${JSON.stringify(write)}`);
}

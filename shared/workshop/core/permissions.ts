import type { WorkshopMessageType } from "../../protocol/workshop.js";
import type { CoreError } from "./result.js";

/** Who a connection is, decided at join from its credentials, never from its messages. */
export type Sender = "facilitator" | "projector" | "participant";

export type Permission = { readonly kind: "allowed" } | { readonly kind: "ignored" } | { readonly kind: "refused"; readonly error: CoreError };

/**
 * Who may send what: a participant may leave the workshop; everything else is the
 * facilitator's. Leaving means nothing for someone without a place, so it is ignored; the
 * projector only watches.
 */
export function permission(sender: Sender, type: WorkshopMessageType): Permission {
  if (type === "leave") return sender === "participant" ? { kind: "allowed" } : { kind: "ignored" };
  if (sender === "facilitator") return { kind: "allowed" };
  return { kind: "refused", error: { code: "workshop/not_allowed", message: `Only the facilitator may send "${type}".` } };
}

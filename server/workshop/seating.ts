import { z } from "zod";
import { pairingSchema } from "../../shared/protocol/workshop.js";
import type { Json } from "../storage/store.js";
import { TABLE_CODE_PATTERN } from "../tables/tableCode.js";
import type { ObserverPlan, TablePlan } from "../../shared/workshop/pairing.js";

/*
 * A round's seating as the store keeps it: which table (by code) each pair plays at and who
 * watches which. Written each time tables open in a round; read back, checked, when the
 * workshop is rebuilt after a restart.
 */

export const seatingSchema = z.strictObject({
  tables: z.array(pairingSchema.shape.tables.element.extend({ code: z.string().regex(TABLE_CODE_PATTERN) })),
  observers: pairingSchema.shape.observers,
});

export type Seating = z.output<typeof seatingSchema>;

export function seatingOf(round: { readonly tables: readonly { readonly code: string; readonly plan: TablePlan }[]; readonly observers: readonly ObserverPlan[] }): Json {
  const seating: Seating = {
    tables: round.tables.map((t) => ({ code: t.code, buyer: t.plan.buyer, seller: t.plan.seller })),
    observers: round.observers.map((o) => ({ participantId: o.participantId, table: o.table })),
  };
  return seating;
}

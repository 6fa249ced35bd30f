import type { Role } from "../../../shared/engine/roles.js";
import type { TableView } from "../../../shared/engine/view.js";
import type { TableContext } from "./context.js";
import { sideName } from "./labels.js";

export type CurveCardVM = {
  /** Stable across updates, so a scene can animate only the cards that just arrived. */
  readonly key: string;
  readonly round: number;
  readonly side: Role;
  readonly face: "public" | "private" | "hidden";
  readonly title: string;
  readonly text: string;
  readonly caption: string;
};

export function curveCardsOf(view: TableView, ctx: TableContext): CurveCardVM[] {
  return view.cards.map((c, index) => {
    const key = `card-${index}`;
    if (c.hidden)
      return {
        key,
        round: c.round,
        side: c.side,
        face: "hidden" as const,
        title: "Face-down card",
        text: `Something happened on the ${c.side}'s side.`,
        caption: `Private to the ${c.side}`,
      };
    const face = c.visibility === "public" ? ("public" as const) : ("private" as const);
    return {
      key,
      round: c.round,
      side: c.side,
      face,
      title: c.title,
      text: c.text,
      caption:
        face === "public"
          ? "Public: both sides see this"
          : view.viewer === c.side
            ? "Private: only you see this"
            : `Private to ${sideName(c.side, view.viewer, ctx.seats)}`,
    };
  });
}

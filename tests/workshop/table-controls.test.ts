import { describe, expect, it } from "vitest";
import { isTableControl, parseClientMessage } from "../../shared/protocol/messages.js";
import { tableControlOf, WORKSHOP_TABLE_CONTROLS, tableControlType, type TableControlType } from "../../shared/protocol/tableControls.js";
import { parseWorkshopMessage, workshopControlOf, type WorkshopControlMessage } from "../../shared/protocol/workshop.js";

/*
 * One vocabulary of table controls: whether the facilitator uses a table's own Watch view or
 * the workshop console, the same control reaches the table as the same engine action.
 */

const payloads: Record<TableControlType, object> = {
  start_now: {},
  pause: {},
  resume: {},
  add_time: { seconds: 60 },
  curveball: { cardId: "competitor-quote" },
  end: {},
};

describe("a facilitator's table control", () => {
  it.each(WORKSHOP_TABLE_CONTROLS.map((type) => ({ type })))("$type is the same engine action from the console and from the table", ({ type }) => {
    const atTable = tableControlType(type);
    const direct = parseClientMessage(atTable, payloads[atTable]);
    const viaWorkshop = parseWorkshopMessage(type, { ...payloads[atTable], table: "ABCDEF" });
    if (!direct.ok || !isTableControl(direct.message) || !viaWorkshop.ok) throw new Error(`${type} was refused`);
    expect(workshopControlOf(viaWorkshop.message as WorkshopControlMessage)).toEqual(tableControlOf(direct.message));
  });

  it("is refused the same way on both paths when its payload is wrong", () => {
    for (const seconds of [0, 10_000, 1.5]) {
      const direct = parseClientMessage("add_time", { seconds });
      const viaWorkshop = parseWorkshopMessage("add_time", { seconds });
      expect([direct.ok, viaWorkshop.ok]).toEqual([false, false]);
    }
    expect(parseClientMessage("curveball", { cardId: "" }).ok).toBe(false);
    expect(parseWorkshopMessage("curveball", { cardId: "" }).ok).toBe(false);
  });

  it("names a table only on the workshop's path; ending one table always names it", () => {
    expect(parseClientMessage("pause", { table: "ABCDEF" }).ok).toBe(false);
    expect(parseWorkshopMessage("pause", {}).ok).toBe(true);
    expect(parseWorkshopMessage("end_table", {}).ok).toBe(false);
  });
});

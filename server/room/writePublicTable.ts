import { ROLES, type Role } from "../../shared/engine/index.js";
import type { PublicSeat } from "../../shared/protocol/publicTable.js";
import { PublicTableState, SeatState } from "./publicSchema.js";

export type SeatSnapshot = Omit<PublicSeat, "role">;

/** The one place the synced state is written. Fields are assigned only when they differ, keeping patches to what changed. */
export function writePublicTable(target: PublicTableState, code: string, started: boolean, seats: Readonly<Record<Role, SeatSnapshot>>): void {
  assign(target, { code, started });
  for (const role of ROLES) {
    let seat = target.seats.get(role);
    if (!seat) {
      seat = new SeatState();
      seat.role = role;
      target.seats.set(role, seat);
    }
    assign(seat, seats[role]);
  }
}

function assign<T extends object>(target: T, fields: Partial<T>): void {
  for (const key of Object.keys(fields) as (keyof T)[]) {
    const value = fields[key] as T[keyof T];
    if (target[key] !== value) target[key] = value;
  }
}

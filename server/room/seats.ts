import { ROLES, type PerRole, type Role } from "../../shared/engine/index.js";
import { secretMatches, type SecretHash } from "../storage/secrets.js";
import type { StoredTable } from "../storage/store.js";
import { botName } from "../tables/openTable.js";
import type { TableBot } from "../tables/tableSpec.js";
import type { SeatSnapshot } from "./writePublicTable.js";

type Seat = {
  /** SHA-256 of the seat token; null for a bot's seat, which no token opens. */
  readonly tokenDigest: SecretHash | null;
  readonly bot: boolean;
  name: string;
  /** The session holding the seat right now, or null while nobody does. */
  sessionId: string | null;
  taken: boolean;
  returnBy: number;
};

/** Who sits where at one table. Knows nothing of the rules; the room asks and tells it. */
export class Seats {
  private readonly seats: Record<Role, Seat>;

  /** `names`: what each seat was last taken under, null for a seat nobody has taken yet (a resumed table knows). */
  constructor(digests: PerRole<SecretHash | null>, botRole: Role | null, botName: string, names: PerRole<string | null> = { buyer: null, seller: null }) {
    const make = (role: Role): Seat =>
      role === botRole
        ? { tokenDigest: null, bot: true, name: botName, sessionId: null, taken: true, returnBy: 0 }
        : { tokenDigest: digests[role], bot: false, name: names[role] ?? "", sessionId: null, taken: names[role] !== null, returnBy: 0 };
    this.seats = { buyer: make("buyer"), seller: make("seller") };
  }

  /** A table's seats as the store has them, nobody connected yet. */
  static fromStore(seats: StoredTable["seats"], bot: TableBot): Seats {
    const { buyer, seller } = seats;
    return new Seats({ buyer: buyer.tokenHash, seller: seller.tokenHash }, bot?.role ?? null, bot ? botName(bot.level) : "", { buyer: buyer.name, seller: seller.name });
  }

  /** The role a token opens. Both seats are always checked, so timing says nothing about which matched. */
  roleForToken(token: string): Role | null {
    let found: Role | null = null;
    for (const role of ROLES) if (secretMatches(token, this.seats[role].tokenDigest)) found = role;
    return found;
  }

  isLive(role: Role): boolean {
    const seat = this.seats[role];
    return seat.bot || seat.sessionId !== null;
  }

  holder(role: Role): string | null {
    return this.seats[role].sessionId;
  }

  /** Returns the seat's name when it is new to record: the seat's first taking, or a new name. */
  sit(role: Role, sessionId: string, name: string | undefined): string | null {
    const seat = this.seats[role];
    const changed = !seat.taken || (name !== undefined && name !== seat.name);
    seat.sessionId = sessionId;
    seat.taken = true;
    seat.returnBy = 0;
    if (name !== undefined) seat.name = name;
    return changed ? seat.name : null;
  }

  /** The holder left; `returnBy` is when the seat is given up for good (0: no deadline, e.g. after the game). */
  leave(role: Role, returnBy: number): void {
    const seat = this.seats[role];
    seat.sessionId = null;
    seat.returnBy = returnBy;
  }

  clearDeadline(role: Role): void {
    this.seats[role].returnBy = 0;
  }

  snapshot(): Record<Role, SeatSnapshot> {
    const one = (s: Seat): SeatSnapshot => ({ name: s.name, connected: s.bot || s.sessionId !== null, bot: s.bot, taken: s.taken, returnBy: s.returnBy });
    return { buyer: one(this.seats.buyer), seller: one(this.seats.seller) };
  }
}

import { z } from "zod";

/*
 * What a browser tab keeps about the seats it holds, in sessionStorage: per table code, the
 * seat token (to take the seat again), the latest reconnection token (to resume the same
 * session within the server's window), the display name, and, for whoever opened a head-to-head
 * table, the colleague's invite token so the invite stays on screen after a reload.
 * Storage is input like any other: read through a schema, and a bad entry is dropped.
 */

const entrySchema = z.object({
  token: z.string().min(1).max(200),
  name: z.string().max(40),
  role: z.enum(["buyer", "seller"]).nullable(),
  reconnectionToken: z.string().min(1).max(300).nullable(),
  invite: z.object({ role: z.enum(["buyer", "seller"]), token: z.string().min(1).max(200) }).nullable(),
});

export type SeatEntry = z.output<typeof entrySchema>;

/** The subset of the Web Storage API the store needs (sessionStorage in the browser). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const key = (code: string) => `parley:seat:${code}`;
const NAME_KEY = "parley:name";

export class SeatStore {
  constructor(
    private readonly session: KeyValueStorage,
    private readonly remembered: KeyValueStorage,
  ) {}

  get(code: string): SeatEntry | null {
    const raw = this.session.getItem(key(code));
    if (raw === null) return null;
    try {
      const parsed = entrySchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable JSON: treated like a bad entry below.
    }
    this.session.removeItem(key(code));
    return null;
  }

  /** A seat token arrived (invite link or a table just opened): keep it, forget any old session. */
  takeSeat(code: string, token: string, name: string, invite: SeatEntry["invite"] = null): SeatEntry {
    const previous = this.get(code);
    const entry: SeatEntry = {
      token,
      name,
      role: previous?.token === token ? previous.role : null,
      reconnectionToken: previous?.token === token ? previous.reconnectionToken : null,
      invite: invite ?? (previous?.token === token ? previous.invite : null),
    };
    this.put(code, entry);
    return entry;
  }

  update(code: string, patch: Partial<Pick<SeatEntry, "name" | "role" | "reconnectionToken">>): void {
    const entry = this.get(code);
    if (entry) this.put(code, { ...entry, ...patch });
  }

  forget(code: string): void {
    this.session.removeItem(key(code));
  }

  /** The display name this browser used last, to prefill forms. */
  lastName(): string {
    return this.remembered.getItem(NAME_KEY) ?? "";
  }

  rememberName(name: string): void {
    this.remembered.setItem(NAME_KEY, name);
  }

  private put(code: string, entry: SeatEntry): void {
    this.session.setItem(key(code), JSON.stringify(entry));
  }
}


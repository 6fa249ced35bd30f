import { z } from "zod";
import type { KeyValueStorage } from "../app/seatStore.js";

/*
 * What a browser tab keeps about its workshops, in sessionStorage: a participant's token (their
 * place in the workshop, kept through reloads and drops), a facilitator's secret, and the
 * per-table facilitator secrets the console hands to the spectator view. Read through schemas;
 * a bad entry is dropped.
 */

/** `token` is null between choosing a name and the workshop letting the participant in. */
const participantSchema = z.object({ token: z.string().min(1).max(200).nullable(), name: z.string().max(40) });
const secretSchema = z.object({ secret: z.string().min(1).max(200) });
const tableSchema = z.object({ secret: z.string().min(1).max(200), workshop: z.string().min(1).max(12) });
const currentSchema = z.object({ code: z.string().min(1).max(12), kind: z.enum(["participant", "facilitator"]) });

export type ParticipantEntry = z.output<typeof participantSchema>;
export type TableEntry = z.output<typeof tableSchema>;
export type CurrentWorkshop = z.output<typeof currentSchema>;

export class WorkshopStore {
  constructor(private readonly session: KeyValueStorage) {}

  participant(code: string): ParticipantEntry | null {
    return this.read(`parley:workshop:${code}`, participantSchema);
  }

  setParticipant(code: string, entry: ParticipantEntry): void {
    this.session.setItem(`parley:workshop:${code}`, JSON.stringify(entry));
  }

  forgetParticipant(code: string): void {
    this.session.removeItem(`parley:workshop:${code}`);
  }

  facilitatorSecret(code: string): string | null {
    return this.read(`parley:console:${code}`, secretSchema)?.secret ?? null;
  }

  setFacilitatorSecret(code: string, secret: string): void {
    this.session.setItem(`parley:console:${code}`, JSON.stringify({ secret }));
  }

  forgetFacilitatorSecret(code: string): void {
    this.session.removeItem(`parley:console:${code}`);
  }

  /** The projector key of a workshop, kept in the projector's tab so a reload shows the wall again. */
  projectorKey(code: string): string | null {
    return this.read(`parley:projector:${code}`, secretSchema)?.secret ?? null;
  }

  setProjectorKey(code: string, key: string): void {
    this.session.setItem(`parley:projector:${code}`, JSON.stringify({ secret: key }));
  }

  forgetProjectorKey(code: string): void {
    this.session.removeItem(`parley:projector:${code}`);
  }

  /** A table's facilitator secret, for the spectator view the console opens. */
  table(code: string): TableEntry | null {
    return this.read(`parley:facilitate:${code}`, tableSchema);
  }

  setTable(code: string, entry: TableEntry): void {
    this.session.setItem(`parley:facilitate:${code}`, JSON.stringify(entry));
  }

  /** The workshop this tab is part of, so a reload on a table page reconnects to it. */
  current(): CurrentWorkshop | null {
    return this.read("parley:workshop:current", currentSchema);
  }

  setCurrent(entry: CurrentWorkshop | null): void {
    if (entry) this.session.setItem("parley:workshop:current", JSON.stringify(entry));
    else this.session.removeItem("parley:workshop:current");
  }

  private read<T>(key: string, schema: z.ZodType<T>): T | null {
    const raw = this.session.getItem(key);
    if (raw === null) return null;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable JSON: dropped below like any bad entry.
    }
    this.session.removeItem(key);
    return null;
  }
}

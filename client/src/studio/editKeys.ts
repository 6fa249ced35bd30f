/*
 * A trainer's edit keys, one per saved case, kept in this browser's localStorage: the key is
 * the only proof of ownership the server knows, so losing it means the case can be copied but
 * no longer changed. The studio says so once, when the key is first saved.
 */

const STORAGE_KEY = "parley.studio.editKeys";

export class EditKeys {
  constructor(private readonly storage: Pick<Storage, "getItem" | "setItem">) {}

  private all(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? "{}");
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
    } catch {
      return {};
    }
  }

  get(id: string): string | null {
    const all = this.all();
    return Object.hasOwn(all, id) ? (all[id] as string) : null;
  }

  set(id: string, key: string): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify({ ...this.all(), [id]: key }));
  }

  keys(): string[] {
    return Object.values(this.all());
  }
}

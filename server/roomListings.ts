import { LocalDriver, type IRoomCache, type RoomCache, type SortOptions } from "@colyseus/core";

/**
 * Colyseus' in-process room listings (used without Redis), finding a room by its id through
 * a map. The LocalDriver copies and scans its whole list for every lookup by id, which every
 * seat reservation and reconnect makes: a cost per join that grows with the rooms on the
 * process (at a thousand tables, two thousand rooms counting finished ones not yet closed).
 * Any other query is the LocalDriver's own.
 */
export class IndexedLocalDriver extends LocalDriver {
  readonly #byId = new Map<string, RoomCache>();

  override createInstance(initialValues: Partial<IRoomCache> = {}) {
    const listing = super.createInstance(initialValues);
    const save = listing.save.bind(listing);
    const remove = listing.remove.bind(listing);
    // A listing is saved once its roomId is final, and removed when its room is disposed.
    listing.save = () => {
      save();
      this.#byId.set(listing.roomId, listing);
    };
    listing.remove = () => {
      remove();
      if (this.#byId.get(listing.roomId) === listing) this.#byId.delete(listing.roomId);
    };
    return listing;
  }

  override has(roomId: string): boolean {
    return this.#byId.has(roomId);
  }

  override findOne(conditions: Partial<IRoomCache>, sortOptions?: SortOptions): Promise<RoomCache> {
    const fields = Object.keys(conditions);
    if (sortOptions || fields.length !== 1 || fields[0] !== "roomId") return super.findOne(conditions, sortOptions);
    // Not found resolves to undefined, as the LocalDriver's does.
    return Promise.resolve(this.#byId.get(conditions.roomId!) as RoomCache);
  }

  override clear(): void {
    super.clear();
    this.#byId.clear();
  }
}

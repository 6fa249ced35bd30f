import { Client, type Room } from "colyseus.js";

/*
 * In Node, `ws` delivers every frame of one TCP read in a single synchronous loop, so the
 * welcome, private and events messages a table sends right after the join arrive before
 * `joinById()`'s promise resolves — and colyseus.js drops messages nobody listens to yet. This
 * client listens from the moment each room object exists and keeps those early messages until
 * their owner takes them.
 */

type Listener = (type: string, payload: unknown) => void;
type Inbox = { early: [string, unknown][]; listener: Listener | null };

const inboxes = new WeakMap<Room, Inbox>();

export class BufferingClient extends Client {
  protected override createRoom<T>(roomName: string, rootSchema?: never): Room<T> {
    const room = super.createRoom<T>(roomName, rootSchema);
    const inbox: Inbox = { early: [], listener: null };
    inboxes.set(room, inbox);
    room.onMessage("*", (type: string | number, payload: unknown) => {
      if (inbox.listener) inbox.listener(String(type), payload);
      else inbox.early.push([String(type), payload]);
    });
    return room;
  }
}

/** Start receiving `room`'s messages: first those that came before, then each as it comes. */
export function listen(room: Room, listener: Listener): void {
  const inbox = inboxes.get(room);
  if (!inbox) throw new Error("room was not created by a BufferingClient");
  inbox.listener = listener;
  for (const [type, payload] of inbox.early.splice(0)) listener(type, payload);
}

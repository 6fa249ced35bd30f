import type { Room } from "@colyseus/core";

/*
 * Every place Parley leans on a part of Colyseus 0.16 that is not its public API, in one file,
 * so that an upgrade has one file to check. Each entry says what it works around.
 */

type SchemaSerializerInternals = { handshakeCache?: Uint8Array; needFullEncode: boolean; handshake?: () => Uint8Array };

function serializerOf(room: Room): SchemaSerializerInternals {
  return (room as unknown as { _serializer: SchemaSerializerInternals })._serializer;
}

/** The handshake (the schema's reflection) of each room class, encoded once per process. */
const handshakes = new WeakMap<object, Uint8Array>();

/**
 * Colyseus caches a room's handshake per room, so every table encoded the same reflection of the
 * same schema again (~0.6 ms, a fifth of a table's turnover). Rooms of one state class share one
 * encoding: call right after the room's state is set.
 */
export function shareHandshake(room: Room, stateClass: object): void {
  const serializer = serializerOf(room);
  const known = handshakes.get(stateClass);
  if (known) serializer.handshakeCache = known;
  else if (serializer.handshake) handshakes.set(stateClass, serializer.handshake());
}

/**
 * Workaround for colyseus#917 (fixed only in 0.17.37): a patch taken while no client is connected
 * is discarded without marking the cached full state stale, so players returning together after a
 * timer fired would be sent the old state. Call before broadcastPatch() when no client is there.
 */
export function forceFullEncode(room: Room): void {
  serializerOf(room).needFullEncode = true;
}

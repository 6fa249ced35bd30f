import { Protocol } from "@colyseus/core";
import { unpack } from "@colyseus/msgpackr";
import { decode } from "@colyseus/schema";

/**
 * Whether a room-data frame can be decoded. Colyseus closes the socket (4002) on a payload it
 * cannot unpack; a table answers such a frame with an error instead and keeps the player seated.
 * Other frame kinds are left to Colyseus.
 */
export function decodable(buffer: Buffer): boolean {
  if (buffer[0] !== Protocol.ROOM_DATA) return true;
  try {
    const it = { offset: 1 };
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset));
    return true;
  } catch {
    return false;
  }
}

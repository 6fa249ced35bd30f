import { Deferred, matchMaker, type Client, type ClientPrivate, type Room, type Transport } from "@colyseus/core";
import type { Socket } from "node:net";
import type { WebSocketServer } from "ws";

/*
 * Every place Parley leans on a part of Colyseus 0.16 (or of the `ws` under it) that is not its
 * public API, in one file, so that an upgrade has one file to check. Each entry says what it
 * works around.
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

/**
 * Turn-based rooms send a patch right after each change (broadcastPatch), never on an interval.
 * Colyseus' `patchRate` setter takes null to stop its interval, but its type says number only.
 */
export function patchOnlyWhenAsked(room: Room): void {
  (room as { patchRate: number | null }).patchRate = null;
}

/**
 * The TCP socket under a client's WebSocket, which `ws` keeps as `_socket`: corked.ts batches the
 * frames one action sends a client on it. Undefined when the client has no live socket.
 */
export function socketOf(client: Client): Socket | undefined {
  return (client as { ref?: { _socket?: Socket } }).ref?._socket;
}

/**
 * allowReconnection() is typed to return a Deferred, but hands back a rejected plain promise when
 * the client never finished joining (it dropped before confirming the join) or the room is
 * closing: then there is nothing to wait for, and this says null. That rejection is heard here:
 * left unhandled, Node ends the process, and with it every table it hosts.
 */
export function reconnectionOf(room: Room, client: Client, seconds: number): Deferred<Client> | null {
  const pending: unknown = room.allowReconnection(client, seconds);
  if (pending instanceof Deferred) return pending as Deferred<Client>;
  (pending as Promise<unknown>).catch(() => undefined);
  return null;
}

type FrameHandler = (client: Client & ClientPrivate, buffer: Buffer) => void;

/**
 * Colyseus 0.16 has no hook that sees a frame before it is decoded, and closes the socket (4002)
 * on one it cannot unpack. A room that drops a flood, or answers a bad frame and keeps the player,
 * stands in front of the protected `_onMessage`: `admit` says whether Colyseus handles the frame.
 * Call in onCreate: Colyseus binds the handler to each client as it joins.
 */
export function screenFrames(room: Room, admit: (client: Client, buffer: Buffer) => boolean): void {
  const internal = room as unknown as { _onMessage?: FrameHandler };
  const handle = internal._onMessage?.bind(room);
  if (!handle) throw new Error("@colyseus/core no longer takes a room's frames in Room._onMessage");
  internal._onMessage = (client, buffer) => {
    if (admit(client, buffer)) handle(client, buffer);
  };
}

/**
 * The `ws` server of @colyseus/ws-transport, which its types keep protected as `wss`: transport.ts
 * replaces its error logging. Throws if it moved (tests/load/socket-errors.test.ts fails too).
 */
export function webSocketServerOf(transport: Transport): WebSocketServer {
  const wss = (transport as unknown as { wss?: WebSocketServer }).wss;
  if (wss === undefined) throw new Error("@colyseus/ws-transport no longer exposes its WebSocketServer as `wss`");
  return wss;
}

type Matchmaking = typeof matchMaker.controller.invokeMethod;

/** Colyseus' own matchmaking, as it was before anything stood in front of it. */
const colyseusMatchmaking: Matchmaking = matchMaker.controller.invokeMethod.bind(matchMaker.controller);

/**
 * Colyseus 0.16 has no hook on a join before it looks the room up. Every matchmaking request (a
 * join by id too) passes through its exported controller's invokeMethod, so resume.ts stands in
 * front of it to bring a stored table back first. `route` is always given Colyseus' own, never
 * an earlier route (a process that builds its app twice routes once).
 */
export function routeMatchmaking(route: (colyseus: Matchmaking) => Matchmaking): void {
  matchMaker.controller.invokeMethod = route(colyseusMatchmaking);
}

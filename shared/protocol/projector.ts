import type { ClassDebrief } from "../workshop/classStats.js";
import type { TileStatus } from "../workshop/tile.js";
import type { WorkshopSummary } from "./workshop.js";

/*
 * What the wall shows: the projector view of a workshop, and the address participants can open.
 * The projector link opens this view and nothing else (no control, no hidden number), so it can
 * sit on a shared screen or a second laptop without handing over the workshop.
 */

/** GET /api/join-address: where participants can reach this server, or why nobody else can. */
export type JoinAddress =
  /** `origin` (no trailing slash) is PUBLIC_URL, this computer's network address, or the one HOST names. */
  | { readonly kind: "reachable"; readonly origin: string; readonly source: "public_url" | "network" | "host" }
  | { readonly kind: "unreachable"; readonly message: string };

/** The join link participants open (the QR code on the wall encodes it). */
export const joinUrlOf = (origin: string, code: string) => `${origin}/w/${code}`;

/** One table of the running round as the class may see it: who plays, how far along, no hidden number. */
export type ProjectorTable = {
  readonly code: string;
  /** 0-based table number in the round. */
  readonly index: number;
  readonly seller: string;
  readonly buyer: string;
  readonly status: TileStatus;
  readonly statusText: string;
  readonly round: number;
  readonly lastRound: number;
};

export type ProjectorView = {
  readonly workshop: WorkshopSummary;
  /** Online members of the workshop (pseudonyms when anonymous), in the order they joined. */
  readonly present: readonly string[];
  /** The running round's tables; empty between rounds. */
  readonly tables: readonly ProjectorTable[];
  /** Rounds that are over only: a running round's results would tell tables still playing the draw. */
  readonly debrief: ClassDebrief;
};

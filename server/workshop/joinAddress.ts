import type { NetworkInterfaceInfo } from "node:os";
import { isIP } from "node:net";
import type { JoinAddress } from "../../shared/protocol/projector.js";

/*
 * The address participants type or scan to join: the console and the projector show it instead
 * of the facilitator's own address bar, which reads http://127.0.0.1:… when Parley runs on the
 * facilitator's laptop. PUBLIC_URL wins (a proxy, a domain, a container's published port);
 * otherwise a server listening on every interface is reached at this computer's network address;
 * a server listening on loopback only cannot be reached by anyone else, and the screens say so.
 */

export type AddressInput = {
  readonly publicUrl: string | undefined;
  /** HOST as configured. */
  readonly host: string;
  /** The port the server actually listens on (PORT may be 0). */
  readonly port: number;
  /** os.networkInterfaces(), in the order the system lists them. */
  readonly interfaces: NodeJS.Dict<readonly NetworkInterfaceInfo[]>;
};

export const LOOPBACK_ONLY = "Only this computer can open Parley: start it with HOST=0.0.0.0 or set PUBLIC_URL so participants can join.";
export const NO_NETWORK = "This computer has no network address participants could open: connect it to the room's network, or set PUBLIC_URL.";

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);

export function joinAddressOf(input: AddressInput): JoinAddress {
  if (input.publicUrl !== undefined) return { kind: "reachable", origin: input.publicUrl.replace(/\/+$/, ""), source: "public_url" };
  const host = input.host.trim();
  if (isLoopback(host)) return { kind: "unreachable", message: LOOPBACK_ONLY };
  if (!WILDCARDS.has(host)) return { kind: "reachable", origin: originOf(host, input.port), source: "host" };
  const address = networkAddress(input.interfaces);
  return address === null ? { kind: "unreachable", message: NO_NETWORK } : { kind: "reachable", origin: originOf(address, input.port), source: "network" };
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare.endsWith(".localhost") || bare === "::1" || (isIP(bare) === 4 && bare.startsWith("127."));
}

/**
 * The first IPv4 address of a network card (not loopback), else the first IPv6 one a browser can
 * open: a link-local fe80:: address needs the interface's zone, which no address bar takes.
 */
function networkAddress(interfaces: AddressInput["interfaces"]): string | null {
  const all = Object.values(interfaces).flatMap((list) => list ?? []).filter((i) => !i.internal);
  const v4 = all.find((i) => i.family === "IPv4");
  if (v4) return v4.address;
  return all.find((i) => i.family === "IPv6" && !/^fe[89ab]/i.test(i.address))?.address ?? null;
}

function originOf(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "");
  return `http://${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}`;
}

import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../server/config.js";
import { joinAddressOf, LOOPBACK_ONLY, NO_NETWORK } from "../../server/workshop/joinAddress.js";
import type { JoinAddress } from "../../shared/protocol/projector.js";

/*
 * The address the console and the projector give participants: never the facilitator's own
 * 127.0.0.1, which sends every phone in the room to itself.
 */

const card = (address: string, family: "IPv4" | "IPv6", internal = false): NetworkInterfaceInfo =>
  (family === "IPv4"
    ? { address, family, internal, netmask: "255.255.255.0", mac: "00:00:00:00:00:00", cidr: null }
    : { address, family, internal, netmask: "ffff:ffff:ffff:ffff::", mac: "00:00:00:00:00:00", cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;

const LAPTOP = {
  lo: [card("127.0.0.1", "IPv4", true), card("::1", "IPv6", true)],
  wlan0: [card("fe80::1c2b:3aff:fe4d:5e6f", "IPv6"), card("192.168.1.20", "IPv4")],
  docker0: [card("172.17.0.1", "IPv4")],
};
const IPV6_ONLY = { lo: [card("::1", "IPv6", true)], eth0: [card("fe80::1", "IPv6"), card("2001:db8::20", "IPv6")] };
const LINK_LOCAL_ONLY = { lo: [card("127.0.0.1", "IPv4", true)], eth0: [card("fe80::1", "IPv6")] };

describe("the address participants join at", () => {
  it.each<[string, { publicUrl?: string; host: string; interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> }, JoinAddress]>([
    ["PUBLIC_URL wins over everything", { publicUrl: "https://parley.example.com/", host: "0.0.0.0", interfaces: LAPTOP }, { kind: "reachable", origin: "https://parley.example.com", source: "public_url" }],
    ["PUBLIC_URL with a path behind a proxy", { publicUrl: "https://training.example.com/parley", host: "127.0.0.1", interfaces: LAPTOP }, { kind: "reachable", origin: "https://training.example.com/parley", source: "public_url" }],
    ["0.0.0.0: the first network card's IPv4 address, with the port", { host: "0.0.0.0", interfaces: LAPTOP }, { kind: "reachable", origin: "http://192.168.1.20:2567", source: "network" }],
    [":: (every interface): the same", { host: "::", interfaces: LAPTOP }, { kind: "reachable", origin: "http://192.168.1.20:2567", source: "network" }],
    ["0.0.0.0 on an IPv6-only network: the global IPv6 address in brackets", { host: "0.0.0.0", interfaces: IPV6_ONLY }, { kind: "reachable", origin: "http://[2001:db8::20]:2567", source: "network" }],
    ["0.0.0.0 with only a link-local address: none a browser can open", { host: "0.0.0.0", interfaces: LINK_LOCAL_ONLY }, { kind: "unreachable", message: NO_NETWORK }],
    ["127.0.0.1: only this computer", { host: "127.0.0.1", interfaces: LAPTOP }, { kind: "unreachable", message: LOOPBACK_ONLY }],
    ["localhost: only this computer", { host: "localhost", interfaces: LAPTOP }, { kind: "unreachable", message: LOOPBACK_ONLY }],
    ["::1: only this computer", { host: "::1", interfaces: IPV6_ONLY }, { kind: "unreachable", message: LOOPBACK_ONLY }],
    ["a named address: that one", { host: "192.168.1.20", interfaces: LAPTOP }, { kind: "reachable", origin: "http://192.168.1.20:2567", source: "host" }],
    ["a named IPv6 address: in brackets", { host: "2001:db8::20", interfaces: IPV6_ONLY }, { kind: "reachable", origin: "http://[2001:db8::20]:2567", source: "host" }],
  ])("%s", (_case, given, expected) => {
    expect(joinAddressOf({ publicUrl: given.publicUrl, host: given.host, port: 2567, interfaces: given.interfaces })).toEqual(expected);
  });

  it("never offers a loopback address to others", () => {
    for (const host of ["0.0.0.0", "::", "127.0.0.1", "localhost", "::1", "127.0.1.1"]) {
      const address = joinAddressOf({ publicUrl: undefined, host, port: 2567, interfaces: { lo: LAPTOP.lo } });
      expect(address.kind === "reachable" ? address.origin : address.message).not.toMatch(/127\.0\.|localhost|\[::1\]/);
    }
  });

  it("takes PUBLIC_URL only as an http(s) URL", () => {
    expect(parseConfig({ PUBLIC_URL: "https://parley.example.com" })).toMatchObject({ ok: true, config: { PUBLIC_URL: "https://parley.example.com" } });
    for (const bad of ["parley.example.com", "ftp://parley.example.com", "https://"]) {
      const parsed = parseConfig({ PUBLIC_URL: bad });
      expect(parsed.ok, bad).toBe(false);
      expect(parsed.ok ? "" : parsed.problems.join()).toContain("PUBLIC_URL");
    }
  });
});

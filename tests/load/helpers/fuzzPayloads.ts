import { Packr, unpack } from "@colyseus/msgpackr";
import fc from "fast-check";
import { parseClientMessage, type ClientMessageType } from "../../../shared/protocol/messages.js";

/*
 * Fuzzed payloads for one client message type: anything at all, and valid payloads with one
 * thing broken (a field of the wrong type or out of range, a missing or an unknown key). Only
 * payloads the protocol refuses are kept — judged after the same msgpack round trip the wire
 * makes — so none of them is a legitimate move, and each must change nothing.
 */

const VALID: Record<ClientMessageType, Record<string, unknown>> = {
  offer: { terms: { price: 24000, support: "business", warranty: 24, delivery: 4, payment: "net30" }, message: "Our offer." },
  accept: { message: "Deal." },
  ask: { questionId: "seller-date", message: "When?" },
  walk_away: { message: "No." },
  note: { text: "a note" },
  curveball: { cardId: "competitor-quote" },
  pause: {},
  resume: {},
  add_time: { seconds: 30 },
  end: {},
  ready: {},
  start_now: {},
};

const anything = fc.anything({
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: false,
  withMap: false,
  withSet: false,
  withBoxedValues: false,
  withDate: true,
  withTypedArray: true,
  withNullPrototype: true,
});

const oddValue = fc.oneof(
  anything,
  fc.string({ minLength: 41, maxLength: 3000 }),
  fc.double({ noDefaultInfinity: false, noNaN: false }),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.constantFrom(null, undefined, true, false, "", 0, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, [], {}),
);

function broken(type: ClientMessageType): fc.Arbitrary<unknown> {
  const base = VALID[type];
  const keys = Object.keys(base);
  const nested = type === "offer" ? Object.keys(base.terms as object).map((k) => `terms.${k}`) : [];
  const paths = [...keys, ...nested];
  const withValue = (path: string, value: unknown) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    const [head, tail] = path.split(".") as [string, string | undefined];
    if (tail === undefined) copy[head] = value;
    else (copy[head] as Record<string, unknown>)[tail] = value;
    return copy;
  };
  const arbitraries: fc.Arbitrary<unknown>[] = [
    anything,
    fc.record({ key: fc.string({ maxLength: 12 }), value: oddValue }).map(({ key, value }) => ({ ...structuredClone(base), [key]: value })),
  ];
  if (paths.length > 0) {
    arbitraries.push(fc.record({ path: fc.constantFrom(...paths), value: oddValue }).map(({ path, value }) => withValue(path, value)));
    arbitraries.push(
      fc.constantFrom(...paths).map((path) => {
        const copy = structuredClone(base) as Record<string, Record<string, unknown>>;
        const [head, tail] = path.split(".") as [string, string | undefined];
        if (tail === undefined) delete copy[head];
        else delete copy[head]![tail];
        return copy;
      }),
    );
  }
  return fc.oneof(...arbitraries);
}

const packr = new Packr();

/** What the server's handler receives for `payload` sent with colyseus.js (undefined: no payload). */
export function overTheWire(payload: unknown): unknown {
  return payload === undefined ? undefined : unpack(packr.pack(payload));
}

/** `count` refused payloads for `type`, each small enough for the frame cap; same seed, same list. */
export function refusedPayloads(type: ClientMessageType, count: number, seed: number, maxBytes: number): unknown[] {
  const out: unknown[] = [];
  const arbitrary = broken(type);
  for (let round = 0; out.length < count && round < 20; round++) {
    for (const payload of fc.sample(arbitrary, { numRuns: count, seed: seed + round })) {
      let received: unknown;
      try {
        if (payload !== undefined && packr.pack(payload).byteLength > maxBytes) continue;
        received = overTheWire(payload);
      } catch {
        continue;
      }
      if (!parseClientMessage(type, received).ok) out.push(payload);
      if (out.length === count) break;
    }
  }
  if (out.length < count) throw new Error(`only ${out.length} refused ${type} payloads found`);
  return out;
}

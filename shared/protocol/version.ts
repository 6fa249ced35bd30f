/*
 * The version of everything a browser and the server say to each other: the join options, the
 * messages both ways and the synced state. A tab keeps running the build it loaded, so after a
 * deployment an old tab may meet a newer server; it sends the version it was built with in every
 * join, and a server of another version refuses it with one stable code instead of failing in
 * odd ways later. Raise it with every change a tab of the previous build would misread.
 */
export const PROTOCOL_VERSION = 2;

/** The refusal's code, at the start of the join error's message as with every join refusal (tables and workshops). */
export const OUTDATED_CODE = "protocol/outdated";

/** What the client shows, with a button that reloads the page. */
export const OUTDATED_NOTICE = "Parley was updated — reload this page.";

/** Join options as a client of this build sends them. */
export function withProtocol<T extends object>(options: T): T & { readonly protocol: number } {
  return { ...options, protocol: PROTOCOL_VERSION };
}

export type ProtocolCheck = { readonly ok: true; readonly rest: unknown } | { readonly ok: false; readonly text: string };

/**
 * Read the version off join options and hand back the rest for the room's own schema. A missing
 * version is an old build (those sent none); never throws, whatever the options were.
 */
export function checkProtocol(options: unknown): ProtocolCheck {
  const given = typeof options === "object" && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : {};
  const { protocol, ...rest } = given;
  if (protocol === PROTOCOL_VERSION) return { ok: true, rest };
  const theirs = typeof protocol === "number" && Number.isSafeInteger(protocol) ? `version ${protocol}` : "an older version";
  return { ok: false, text: `This page runs ${theirs} of Parley and the server runs version ${PROTOCOL_VERSION}: reload the page.` };
}

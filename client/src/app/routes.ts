/*
 * The client's addresses. A seat's token travels only in the fragment of an invite link
 * (`/t/CODE#seat=…`): browsers never send fragments to the server, so tokens stay out of
 * access logs and referrers. The client moves it to sessionStorage and drops it from the URL.
 */

export type Route =
  | { readonly kind: "landing" }
  | { readonly kind: "table"; readonly code: string; readonly inviteToken: string | null }
  | { readonly kind: "watch"; readonly code: string }
  /** Workshops: the form that opens one, a participant's lobby, the facilitator's console, a table as its facilitator. */
  | { readonly kind: "workshop_new" }
  | { readonly kind: "workshop"; readonly code: string }
  | { readonly kind: "console"; readonly code: string; readonly secret: string | null }
  /** The wall's view of a workshop, opened with the projector key (read-only). */
  | { readonly kind: "projector"; readonly code: string; readonly key: string | null }
  | { readonly kind: "facilitate"; readonly code: string }
  /** The case studio: a new case, a copy of any case, or a new version of the trainer's own. */
  | { readonly kind: "studio"; readonly start: "new" | "copy" | "edit"; readonly scenarioId: string | null };

const CODE = /^[A-Z0-9]{4,12}$/;

/** A code as people type it: any case, spaces or dashes; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]+/g, "");
  return CODE.test(code) ? code : null;
}

export function parseRoute(pathname: string, hash: string): Route {
  const parts = pathname.split("/").filter(Boolean);
  const code = parts[1] ? normaliseCode(decodeURIComponent(parts[1])) : null;
  if (parts.length === 2 && parts[0] === "t" && code) {
    const seat = new URLSearchParams(hash.replace(/^#/, "")).get("seat");
    return { kind: "table", code, inviteToken: seat && seat.length > 0 ? seat : null };
  }
  if (parts.length === 2 && parts[0] === "watch" && code) return { kind: "watch", code };
  if (parts.length === 1 && parts[0] === "workshop") return { kind: "workshop_new" };
  if (parts.length === 2 && parts[0] === "w" && code) return { kind: "workshop", code };
  if (parts.length === 3 && parts[0] === "w" && parts[2] === "console" && code) {
    // Like a seat token, the facilitator secret travels only in the fragment of the link.
    const key = new URLSearchParams(hash.replace(/^#/, "")).get("key");
    return { kind: "console", code, secret: key && key.length > 0 ? key : null };
  }
  if (parts.length === 3 && parts[0] === "w" && parts[2] === "projector" && code) {
    const key = new URLSearchParams(hash.replace(/^#/, "")).get("key");
    return { kind: "projector", code, key: key && key.length > 0 ? key : null };
  }
  if (parts.length === 2 && parts[0] === "f" && code) return { kind: "facilitate", code };
  if (parts.length === 1 && parts[0] === "studio") return { kind: "studio", start: "new", scenarioId: null };
  if (parts.length === 3 && parts[0] === "studio" && (parts[1] === "copy" || parts[1] === "edit") && parts[2])
    return { kind: "studio", start: parts[1], scenarioId: decodeURIComponent(parts[2]) };
  return { kind: "landing" };
}

export function tablePath(code: string): string {
  return `/t/${code}`;
}

export function watchPath(code: string): string {
  return `/watch/${code}`;
}

export const workshopPath = (code: string) => `/w/${code}`;
export const consolePath = (code: string) => `/w/${code}/console`;
export const facilitatePath = (code: string) => `/f/${code}`;
export const projectorPath = (code: string) => `/w/${code}/projector`;

/** The projector link: whoever has it sees what the wall shows, and can change nothing. */
export function projectorUrl(origin: string, code: string, key: string): string {
  return `${origin}${projectorPath(code)}#key=${encodeURIComponent(key)}`;
}

/** The facilitator's own link to the console: whoever has it runs the workshop. */
export function consoleUrl(origin: string, code: string, secret: string): string {
  return `${origin}${consolePath(code)}#key=${encodeURIComponent(secret)}`;
}

/** The link a player sends a colleague: the table plus the seat token in the fragment. */
export function inviteUrl(origin: string, code: string, token: string): string {
  return `${origin}${tablePath(code)}#seat=${encodeURIComponent(token)}`;
}

import type { Route } from "../app/routes.js";
import type { SeatStore } from "../app/seatStore.js";
import { renderTableScreen } from "../ui/table/tableScreen.js";
import { noticePage } from "../ui/noticePage.js";
import { renderConsole } from "./consoleScreen.js";
import { renderCreateWorkshop } from "./createScreen.js";
import { renderParticipantLobby } from "./lobbyScreen.js";
import { renderProjector } from "./projectorScreen.js";
import { consolePath } from "../app/routes.js";
import { WorkshopStore } from "./store.js";

/* The workshop's screens, by route: main.ts hands these routes over and keeps the rest. */

export type WorkshopRoute = Extract<Route, { kind: "workshop_new" | "workshop" | "console" | "projector" | "facilitate" }>;

export const workshops = new WorkshopStore(window.sessionStorage);

export function isWorkshopRoute(route: Route): route is WorkshopRoute {
  return route.kind === "workshop_new" || route.kind === "workshop" || route.kind === "console" || route.kind === "projector" || route.kind === "facilitate";
}

export function showWorkshopRoute(root: HTMLElement, route: WorkshopRoute, deps: { readonly store: SeatStore; readonly navigate: (path: string) => void }): () => void {
  const base = { navigate: deps.navigate, workshops };
  switch (route.kind) {
    case "workshop_new":
      return renderCreateWorkshop(root, base);
    case "workshop":
      return renderParticipantLobby(root, { ...base, seats: deps.store }, route.code);
    case "console":
      return renderConsole(root, base, route.code, route.secret);
    case "projector":
      return renderProjector(root, base, route.code, route.key);
    case "facilitate": {
      // A table as its facilitator sees it: the console left its secret in this tab.
      const entry = workshops.table(route.code);
      if (!entry) return noTableKey(root, route.code, deps.navigate);
      return renderTableScreen(root, deps, { kind: "facilitate", code: route.code, secret: entry.secret, back: consolePath(entry.workshop) });
    }
  }
}

function noTableKey(root: HTMLElement, code: string, navigate: (path: string) => void): () => void {
  noticePage(root, `Table ${code} is opened from the facilitator console`, "Open it with “Watch” on its tile in the console. Anyone can follow the public view instead.", [
    { label: "Watch the public view", go: () => navigate(`/watch/${code}`) },
  ]);
  return () => undefined;
}

import type { ScenarioSummary } from "../../../shared/protocol/api.js";
import { MAX_TITLE_LENGTH } from "../../../shared/protocol/workshop.js";
import { consolePath } from "../app/routes.js";
import { ApiFailure, listScenarios } from "../net/api.js";
import { EditKeys } from "../studio/editKeys.js";
import { brand } from "../ui/brand.js";
import { h, replaceChildren } from "../ui/dom.js";
import { createWorkshop } from "./api.js";
import { roundSettingsForm } from "./roundSettingsForm.js";
import type { WorkshopStore } from "./store.js";
import "./workshop.css";

export type WorkshopDeps = { readonly navigate: (path: string) => void; readonly workshops: WorkshopStore };


/** The trainer's first screen: what the workshop plays, then straight into the console. */
export function renderCreateWorkshop(root: HTMLElement, deps: WorkshopDeps): () => void {
  const title = h("input", { id: "ws-title", maxlength: MAX_TITLE_LENGTH, required: true, placeholder: "e.g. Key account negotiation — March" });
  const scenario = h("select", { id: "ws-scenario", required: true, disabled: true }, h("option", {}, "Loading scenarios…"));
  const about = h("p", { class: "hint" });
  const settings = roundSettingsForm("ws", scenario);
  const { rounds, turn, reading, deck, odd, level } = settings;
  const alert = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { type: "submit", class: "primary", disabled: true }, "Open the workshop");
  let scenarios: readonly ScenarioSummary[] = [];

  const describe = () => {
    const s = scenarios.find((x) => x.id === scenario.value);
    about.textContent = s ? `${s.summary} Default: ${s.rounds} rounds, ${s.turnSeconds} s a turn.` : "";
  };
  scenario.addEventListener("change", describe);

  const form = h(
    "form",
    { class: "ws-card ws-form", novalidate: true },
    h("h1", {}, "Run a workshop"),
    h("p", { class: "hint" }, "Pick what the class plays. You can change the scenario and settings before every round."),
    field("ws-title", "Workshop title (participants see it)", title),
    field("ws-scenario", "Scenario", scenario, about),
    h("div", { class: "settings-grid" }, field("ws-rounds", "Rounds per game", rounds), field("ws-turn", "Seconds per turn", turn), field("ws-reading", "Reading time (seconds)", reading)),
    field("ws-deck", "Walk-aways and curve balls", deck),
    h("div", { class: "settings-grid" }, field("ws-odd", "With an odd number of people, the odd one", odd), field("ws-level", "Bot", level)),
    alert,
    submit,
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    alert.textContent = "";
    const name = title.value.trim();
    if (!name) {
      alert.textContent = "Give the workshop a title your participants will recognise.";
      title.focus();
      return;
    }
    submit.disabled = true;
    createWorkshop({ title: name, ...settings.read() }).then(
      (created) => {
        deps.workshops.setFacilitatorSecret(created.code, created.facilitatorSecret);
        deps.navigate(consolePath(created.code));
      },
      (error: unknown) => {
        submit.disabled = false;
        alert.textContent = error instanceof ApiFailure ? error.message : "Could not open the workshop.";
      },
    );
  });

  replaceChildren(root, h("div", { class: "centered-page ws-create" }, brand(), form));
  document.title = "Parley — run a workshop";
  title.focus();

  let cancelled = false;
  // The trainer's own cases are listed too (their edit keys prove they are theirs); the studio links here with one chosen.
  const chosen = new URLSearchParams(location.search).get("scenario");
  listScenarios(new EditKeys(window.localStorage).keys()).then(
    (list) => {
      if (cancelled) return;
      scenarios = list;
      replaceChildren(scenario, list.map((s) => h("option", { value: s.id, selected: s.id === chosen }, s.editable ? `${s.title} (yours)` : s.title)));
      scenario.disabled = false;
      submit.disabled = false;
      describe();
    },
    (error: unknown) => {
      if (!cancelled) alert.textContent = error instanceof ApiFailure ? error.message : "Could not load the scenarios.";
    },
  );
  return () => {
    cancelled = true;
  };
}

export function field(id: string, label: string, control: HTMLElement, hint: HTMLElement | null = null): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: id }, label), control, hint);
}

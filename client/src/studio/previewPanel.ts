import { createTable } from "../../../shared/engine/create.js";
import { ROLES, type Role } from "../../../shared/engine/roles.js";
import type { Scenario } from "../../../shared/engine/scenario.js";
import { viewFor } from "../../../shared/engine/view.js";
import { h, replaceChildren } from "../ui/dom.js";
import { privateSection, storySection } from "../ui/table/briefPanel.js";
import { roleLabel } from "../view/labels.js";
import { privatePanelsOf } from "../view/privatePanel.js";
import type { Checked } from "./editor.js";

/*
 * Each role's brief as the player will see it at the table: the engine creates a table on the
 * case (a fixed seed, so the preview holds still while the trainer types) and the table's own
 * brief panel draws that role's view of it. "Draw again" tries the next seed.
 */

export function previewPanel(): { readonly el: HTMLElement; readonly show: (checked: Checked) => void } {
  let role: Role = "buyer";
  let draw = 1;
  let scenario: Scenario | null = null;
  const body = h("div", { class: "studio-preview-body panel", id: "studio-preview-body" });
  const tabs = ROLES.map((r) =>
    h("button", { type: "button", class: "small", id: `preview-${r}`, "aria-pressed": r === role ? "true" : "false", onclick: () => ((role = r), render()) }, `${roleLabel(r)}'s brief`),
  );
  const again = h("button", { type: "button", class: "small", id: "preview-draw-again", onclick: () => ((draw += 1), render()) }, "Draw again");
  const note = h("p", { class: "hint", "aria-live": "polite" });

  function render(): void {
    for (const [i, r] of ROLES.entries()) tabs[i]?.setAttribute("aria-pressed", r === role ? "true" : "false");
    again.disabled = scenario === null;
    if (!scenario) {
      note.textContent = "The preview appears once the case has no problems.";
      replaceChildren(body);
      return;
    }
    const table = createTable(scenario, `studio-preview-${draw}`, { now: 0 });
    const panel = privatePanelsOf(viewFor(table, role))[0];
    note.textContent = `Draw ${draw}: each table draws its own walk-away and figures from the ranges you set.`;
    replaceChildren(body, panel ? privateSection(panel, false) : null, storySection(scenario.story, false));
  }

  const el = h("section", { class: "studio-preview", "aria-labelledby": "studio-preview-title" }, h("h2", { id: "studio-preview-title" }, "Preview"), h("div", { class: "studio-tabs", role: "group", "aria-label": "Whose brief" }, tabs, again), note, body);
  render();
  return {
    el,
    show(checked) {
      if (checked.scenario === scenario) return;
      scenario = checked.scenario;
      render();
    },
  };
}

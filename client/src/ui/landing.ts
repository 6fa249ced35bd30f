import { BOT_CHOICES, type BotChoice } from "../../../shared/bots/profiles.js";
import { otherRole, ROLES, type Role } from "../../../shared/engine/roles.js";
import { PRACTICE_READING_SECONDS, type ScenarioSummary } from "../../../shared/protocol/api.js";
import { displayNameSchema, MAX_NAME_LENGTH } from "../../../shared/protocol/join.js";
import { normaliseCode, tablePath, watchPath, workshopPath } from "../app/routes.js";
import type { SeatStore } from "../app/seatStore.js";
import { ApiFailure, createTable, findWorkshop, listScenarios } from "../net/api.js";
import { WorkshopStore } from "../workshop/store.js";
import { brand } from "./brand.js";
import { h, replaceChildren } from "./dom.js";

export type LandingDeps = { readonly store: SeatStore; readonly navigate: (path: string) => void };

const BOTS: Record<BotChoice, { readonly label: string; readonly help: string }> = {
  easy: { label: "Easy", help: "Gives ground early: good for a first game." },
  firm: { label: "Firm", help: "Concedes steadily, round by round." },
  tough: { label: "Tough", help: "Holds out until the deadline is close." },
  tit_for_tat: { label: "Tit-for-tat", help: "Gives back what you give; give nothing and it holds." },
};

const ROLE_HELP: Record<Role, string> = {
  buyer: "You pay: keep your net cost under your walk-away.",
  seller: "You sell: keep your net revenue above your walk-away.",
};

let formIds = 0;

/** The lobby: practise against a bot, open a head-to-head table, join a workshop, or watch. */
export function renderLanding(root: HTMLElement, deps: LandingDeps): () => void {
  const nameInput = h("input", {
    id: "player-name",
    name: "name",
    autocomplete: "nickname",
    maxlength: MAX_NAME_LENGTH,
    placeholder: "e.g. Alex from Sales",
    value: deps.store.lastName(),
    required: true,
  });
  const practice = scenarioForm("practice", deps, nameInput);
  const headToHead = scenarioForm("h2h", deps, nameInput);

  const page = h(
    "div",
    { class: "landing" },
    h(
      "header",
      { class: "landing-top" },
      brand(),
      h("p", { class: "tagline" }, "Negotiation practice for sales and procurement teams"),
    ),
    h(
      "section",
      { class: "landing-hero" },
      h("div", {}, h("h1", {}, "Sit down at the table."), h("p", { class: "lead" }, "Trade offers turn by turn, keep your walk-away in sight, ask before you concede — and see the whole picture at the end.")),
      h("div", { class: "field name-field" }, h("label", { for: "player-name" }, "Your display name"), nameInput, h("p", { class: "hint" }, "Shown to the other side and your facilitator.")),
    ),
    h("main", { class: "landing-grid" }, practice.card, headToHead.card, h("div", { class: "stack" }, workshopCard(deps, nameInput), watchCard(deps))),
    h(
      "footer",
      { class: "landing-foot" },
      h(
        "ol",
        { class: "how" },
        h("li", {}, h("strong", {}, "Read your brief. "), "Your walk-away and pressure points are yours alone."),
        h("li", {}, h("strong", {}, "Take turns. "), "Offer a full package, ask a question, accept — or walk away."),
        h("li", {}, h("strong", {}, "Expect curve balls. "), "Cards change the numbers mid-game."),
        h("li", {}, h("strong", {}, "Debrief. "), "Both walk-aways, the zone of agreement and your surplus are revealed."),
      ),
    ),
  );
  replaceChildren(root, page);
  document.title = "Parley — negotiation practice";

  let cancelled = false;
  const load = () => {
    practice.setScenarios(null, null);
    headToHead.setScenarios(null, null);
    listScenarios().then(
      (list) => {
        if (cancelled) return;
        practice.setScenarios(list, null);
        headToHead.setScenarios(list, null);
      },
      (error: unknown) => {
        if (cancelled) return;
        const message = error instanceof ApiFailure ? error.message : "Could not load the scenarios.";
        practice.setScenarios(null, { message, retry: load });
        headToHead.setScenarios(null, { message, retry: load });
      },
    );
  };
  load();
  return () => {
    cancelled = true;
  };
}

type ScenarioForm = {
  readonly card: HTMLElement;
  readonly setScenarios: (list: readonly ScenarioSummary[] | null, failure: { message: string; retry: () => void } | null) => void;
};

function readName(nameInput: HTMLInputElement, show: (message: string) => void): string | null {
  const parsed = displayNameSchema.safeParse(nameInput.value);
  if (parsed.success) return parsed.data;
  show(`Your display name ${parsed.error.issues[0]?.message ?? "is not valid"}.`);
  nameInput.focus();
  return null;
}

function scenarioForm(kind: "practice" | "h2h", deps: LandingDeps, nameInput: HTMLInputElement): ScenarioForm {
  const id = `${kind}-${++formIds}`;
  const select = h("select", { id: `${id}-scenario`, name: "scenario", required: true, disabled: true }, h("option", {}, "Loading scenarios…"));
  const about = h("p", { class: "scenario-about", id: `${id}-about` });
  const alert = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { type: "submit", class: "primary", disabled: true }, kind === "practice" ? "Start practice" : "Open a table");
  let scenarios: readonly ScenarioSummary[] = [];

  const roleChoice = radioGroup(
    `${id}-role`,
    "Your role",
    ROLES.map((r) => ({ value: r, label: r === "buyer" ? "Buyer" : "Seller", help: ROLE_HELP[r] })),
    "buyer",
  );
  const levelChoice =
    kind === "practice" ? radioGroup(`${id}-level`, "How the bot plays", BOT_CHOICES.map((b) => ({ value: b, ...BOTS[b] })), "firm") : null;

  const describe = () => {
    const s = scenarios.find((x) => x.id === select.value);
    about.textContent = s ? `${s.summary} ${s.rounds} rounds · ${s.turnSeconds} s a turn.` : "";
  };
  select.addEventListener("change", describe);

  const form = h(
    "form",
    { class: "card-form", novalidate: true, "aria-describedby": `${id}-about` },
    h("div", { class: "field" }, h("label", { for: select.id }, "Scenario"), select, about),
    roleChoice.fieldset,
    levelChoice?.fieldset,
    alert,
    submit,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    alert.textContent = "";
    const name = readName(nameInput, (m) => (alert.textContent = m));
    if (!name) return;
    const role = roleChoice.value() as Role;
    const level = levelChoice?.value() as BotChoice | undefined;
    submit.disabled = true;
    const label = submit.textContent;
    submit.textContent = "Opening the table…";
    const opening = { scenarioId: select.value, readingSeconds: PRACTICE_READING_SECONDS };
    const request = level ? { ...opening, bot: { role: otherRole(role), level } } : opening;
    createTable(request).then(
      (table) => {
        const mine = table.seats[role];
        if (!mine) throw new ApiFailure("The server opened the table without a seat for you.", 200, null);
        const theirs = table.seats[otherRole(role)];
        deps.store.rememberName(name);
        deps.store.takeSeat(table.code, mine, name, theirs ? { role: otherRole(role), token: theirs } : null);
        deps.navigate(tablePath(table.code));
      },
      (error: unknown) => {
        alert.textContent = error instanceof ApiFailure ? error.message : "Could not open a table.";
        submit.disabled = false;
        submit.textContent = label;
      },
    );
  });

  const card = h(
    "section",
    { class: `card card-${kind}`, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, kind === "practice" ? "Practise against a bot" : "Head-to-head with a colleague"),
    h(
      "p",
      { class: "card-intro" },
      kind === "practice"
        ? "A bot takes the other seat and negotiates by the book: it respects its walk-away and answers concession with concession."
        : "Open a private table and send the invite link to a colleague. The clock starts when they sit down.",
    ),
    form,
  );

  return {
    card,
    setScenarios(list, failure) {
      if (failure) {
        replaceChildren(select, h("option", {}, "Unavailable"));
        select.disabled = true;
        submit.disabled = true;
        replaceChildren(alert, failure.message, " ", h("button", { type: "button", class: "link", onclick: failure.retry }, "Try again"));
        return;
      }
      if (!list) return;
      scenarios = list;
      replaceChildren(select, ...list.map((s) => h("option", { value: s.id }, s.title)));
      select.disabled = list.length === 0;
      submit.disabled = list.length === 0;
      alert.textContent = list.length === 0 ? "This server has no scenarios installed." : "";
      describe();
    },
  };
}

/** A row of mutually exclusive options (arrow keys move between them), with the chosen one explained below. */
function radioGroup(name: string, legend: string, options: readonly { value: string; label: string; help: string }[], initial: string) {
  const help = h("p", { class: "hint choice-hint", "aria-live": "polite" });
  const fieldset = h(
    "fieldset",
    { class: "choices" },
    h("legend", {}, legend),
    h(
      "div",
      { class: "segmented", style: `--count: ${options.length}` },
      options.map((o) =>
        h("label", { class: "choice" }, h("input", { type: "radio", name, value: o.value, checked: o.value === initial }), h("span", { class: "choice-label" }, o.label)),
      ),
    ),
    help,
  );
  const value = () => fieldset.querySelector<HTMLInputElement>("input:checked")?.value ?? initial;
  const explain = () => (help.textContent = options.find((o) => o.value === value())?.help ?? "");
  fieldset.addEventListener("change", explain);
  explain();
  return { fieldset, value };
}

function workshopCard(deps: LandingDeps, nameInput: HTMLInputElement): HTMLElement {
  const code = h("input", { id: "workshop-code", name: "code", autocomplete: "off", autocapitalize: "characters", placeholder: "Code from your facilitator", required: true });
  const alert = h("p", { class: "form-error", role: "alert" });
  const submit = h("button", { type: "submit" }, "Join workshop");
  const form = h("form", { class: "card-form", novalidate: true }, h("div", { class: "field" }, h("label", { for: code.id }, "Workshop code"), code), alert, submit);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    alert.textContent = "";
    const normalised = normaliseCode(code.value);
    if (!normalised) {
      alert.textContent = "Enter the code your facilitator gave you (letters and digits).";
      code.focus();
      return;
    }
    const name = readName(nameInput, (m) => (alert.textContent = m));
    if (!name) return;
    submit.disabled = true;
    findWorkshop(normalised).then(
      (found) => {
        deps.store.rememberName(name);
        // A tab that is already in this workshop keeps its place (and its token).
        const workshops = new WorkshopStore(window.sessionStorage);
        if (!workshops.participant(found.code)) workshops.setParticipant(found.code, { token: null, name });
        deps.navigate(workshopPath(found.code));
      },
      (error: unknown) => {
        alert.textContent =
          error instanceof ApiFailure && error.status === 404
            ? `No workshop is running with the code ${normalised}. Check the code with your facilitator.`
            : error instanceof ApiFailure
              ? error.message
              : "Could not check that code.";
        submit.disabled = false;
      },
    );
  });
  return h(
    "section",
    { class: "card card-workshop", "aria-labelledby": "workshop-title" },
    h("h2", { id: "workshop-title" }, "Join a workshop"),
    h("p", { class: "card-intro" }, "Your facilitator pairs everyone up and runs the rounds."),
    form,
    h("p", { class: "hint" }, "Running a session? ", h("button", { type: "button", class: "link", id: "run-workshop", onclick: () => deps.navigate("/workshop") }, "Run a workshop")),
    h("p", { class: "hint" }, "Training with your own material? ", h("a", { href: "/studio", id: "write-case", onclick: follow(deps, "/studio") }, "Write your own case")),
  );
}

/** A real link (it opens in a new tab too) that moves within the app without a reload. */
function follow(deps: LandingDeps, path: string): (event: Event) => void {
  return (event) => {
    event.preventDefault();
    deps.navigate(path);
  };
}

function watchCard(deps: LandingDeps): HTMLElement {
  const code = h("input", { id: "watch-code", name: "code", autocomplete: "off", autocapitalize: "characters", placeholder: "Table code", required: true });
  const alert = h("p", { class: "form-error", role: "alert" });
  const form = h(
    "form",
    { class: "card-form", novalidate: true },
    h("div", { class: "field" }, h("label", { for: code.id }, "Table code"), code),
    alert,
    h("button", { type: "submit" }, "Watch"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const normalised = normaliseCode(code.value);
    if (!normalised) {
      alert.textContent = "Enter the table's code (letters and digits).";
      code.focus();
      return;
    }
    deps.navigate(watchPath(normalised));
  });
  return h(
    "section",
    { class: "card card-watch", "aria-labelledby": "watch-title" },
    h("h2", { id: "watch-title" }, "Watch a table"),
    h("p", { class: "card-intro" }, "Follow a game read-only: public moves only, nobody's walk-away."),
    form,
  );
}

import { MAX_MESSAGE_LENGTH } from "../../../../shared/engine/actions.js";
import { otherRole, type Role } from "../../../../shared/engine/roles.js";
import type { Package } from "../../../../shared/engine/state.js";
import { formatMoney } from "../../../../shared/engine/terms.js";
import type { TableView } from "../../../../shared/engine/view.js";
import type { SeatIntent } from "../../net/connection.js";
import { draftFields, draftFromInputs, initialDraft, reviewDraft, type DraftFieldVM } from "../../view/offerDraft.js";
import type { TableVM } from "../../view/tableViewModel.js";
import { h, renderIfChanged, replaceChildren } from "../dom.js";

export type MoveHandlers = {
  readonly send: (intent: SeatIntent) => void;
  readonly confirmAccept: () => Promise<boolean>;
  readonly confirmWalkAway: () => Promise<boolean>;
  /** The builder's current package (null while it does not hold a valid one), for the gauge. */
  readonly onDraft: (terms: Package | null) => void;
};

/**
 * "Your move": the offer builder (a control for every issue), the discovery questions, a
 * message to attach, and the two moves that end the game. The builder keeps what the player
 * typed across table updates; it starts again from their standing offer after each offer, and
 * from their own opening before they have made one (never from the other side's offer).
 */
export function movePanel(first: TableView, me: Role, handlers: MoveHandlers) {
  const fields = draftFields(first);
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  let view = first;
  let dirty = false;
  let baseTurn: number | null = null;
  let stashedMessage = "";

  const message = h("input", { id: "move-message", type: "text", maxlength: MAX_MESSAGE_LENGTH, placeholder: "e.g. “I can move on support if you move on price.”" });
  const counter = h("span", { class: "hint counter" }, `0/${MAX_MESSAGE_LENGTH}`);
  message.addEventListener("input", () => (counter.textContent = `${message.value.length}/${MAX_MESSAGE_LENGTH}`));
  const takeMessage = (): string | undefined => {
    const text = message.value.trim();
    stashedMessage = message.value;
    message.value = "";
    counter.textContent = `0/${MAX_MESSAGE_LENGTH}`;
    return text.length > 0 ? text : undefined;
  };

  const review = h("div", { class: "draft-review", "aria-live": "polite" });
  const offerForm = h("form", { class: "offer-builder", novalidate: true, "aria-label": "Offer builder" }, fields.map((f) => fieldControl(f, inputs)));
  const submit = h("button", { type: "submit", class: "primary", id: "make-offer" }, "Make offer");
  const reset = h("button", { type: "button", class: "link" }, "my opening");
  const fromTheirs = h("button", { type: "button", class: "link" }, "their offer");
  const startFrom = h("span", { class: "hint start-from" }, "Start from:", reset, fromTheirs);
  offerForm.append(review, h("div", { class: "builder-actions" }, submit, startFrom));

  const readDraft = () => {
    const raw: Record<string, string> = {};
    for (const [id, input] of inputs) raw[id] = input.value;
    return draftFromInputs(view, raw);
  };

  const refreshReview = () => {
    const { terms, problem } = readDraft();
    if (problem) {
      replaceChildren(review, h("p", { class: "bad" }, problem));
      handlers.onDraft(null);
      return;
    }
    const r = reviewDraft(view, me, terms);
    const concessions = r.moves.filter((m) => m.concession);
    const hardening = r.moves.filter((m) => !m.concession);
    replaceChildren(
      review,
      r.verdict ? h("p", { class: r.good ? "good" : "bad" }, r.verdict) : null,
      concessions.length > 0 ? h("p", { class: "moves" }, h("strong", {}, "You concede: "), concessions.map((m) => `${m.label} ${m.text}`).join("; ")) : null,
      hardening.length > 0 ? h("p", { class: "moves" }, h("strong", {}, "You take back: "), hardening.map((m) => `${m.label} ${m.text}`).join("; ")) : null,
      r.notes.map((n) => h("p", { class: "warn" }, n)),
    );
    handlers.onDraft(terms);
  };

  const load = (terms: Package) => {
    for (const [id, input] of inputs) {
      const value = terms[id];
      if (value !== undefined) input.value = String(value);
    }
    syncPriceEcho(inputs, view.scenario.currency);
    refreshReview();
  };

  offerForm.addEventListener("input", (event) => {
    dirty = true;
    const target = event.target as HTMLElement;
    if (target.dataset.mirror) {
      const twin = offerForm.querySelector<HTMLInputElement>(`#${target.dataset.mirror}`);
      if (twin) twin.value = (target as HTMLInputElement).value;
    }
    syncPriceEcho(inputs, view.scenario.currency);
    refreshReview();
  });
  offerForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const { terms, problem } = readDraft();
    if (problem) return refreshReview();
    const text = takeMessage();
    handlers.send({ type: "offer", payload: { terms: { ...terms }, ...(text ? { message: text } : {}) } });
    dirty = false;
  });
  fromTheirs.addEventListener("click", () => {
    const theirs = view.standing[otherRole(me)];
    if (theirs) {
      dirty = true;
      load(theirs.terms);
    }
  });
  reset.addEventListener("click", () => {
    dirty = false;
    load(initialDraft(view, me));
  });

  const questions = h("ul", { class: "question-list" });
  const askSection = h("div", { class: "ask", id: "ask-panel", role: "tabpanel", "aria-labelledby": "tab-ask", hidden: true }, h("p", { class: "hint" }, "A question costs your turn; your standing offer stays on the table. The other side reads the answer given for them; observers never see it."), questions);
  const offerSection = h("div", { id: "offer-panel", role: "tabpanel", "aria-labelledby": "tab-offer" }, offerForm);

  const tabOffer = h("button", { type: "button", role: "tab", id: "tab-offer", "aria-selected": "true", "aria-controls": "offer-panel" }, "Make an offer");
  const tabAsk = h("button", { type: "button", role: "tab", id: "tab-ask", "aria-selected": "false", "aria-controls": "ask-panel", tabindex: -1 }, "Ask a question");
  const select = (which: "offer" | "ask") => {
    const ask = which === "ask";
    tabOffer.setAttribute("aria-selected", String(!ask));
    tabAsk.setAttribute("aria-selected", String(ask));
    tabOffer.tabIndex = ask ? -1 : 0;
    tabAsk.tabIndex = ask ? 0 : -1;
    offerSection.hidden = ask;
    askSection.hidden = !ask;
  };
  tabOffer.addEventListener("click", () => select("offer"));
  tabAsk.addEventListener("click", () => select("ask"));
  const tabs = h("div", { class: "tabs", role: "tablist", "aria-label": "Your move" }, tabOffer, tabAsk);
  tabs.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const ask = tabOffer.getAttribute("aria-selected") === "true";
    select(ask ? "ask" : "offer");
    (ask ? tabAsk : tabOffer).focus();
  });

  const acceptButton = h("button", { type: "button", class: "accept", id: "accept-offer" }, "Accept their offer…");
  const walkButton = h("button", { type: "button", class: "danger-outline", id: "walk-away" }, "Walk away…");
  const accept = async () => {
    if (acceptButton.disabled || !(await handlers.confirmAccept())) return;
    const text = takeMessage();
    handlers.send({ type: "accept", payload: text ? { message: text } : {} });
  };
  const walkAway = async () => {
    if (!(await handlers.confirmWalkAway())) return;
    const text = takeMessage();
    handlers.send({ type: "walk_away", payload: text ? { message: text } : {} });
  };
  acceptButton.addEventListener("click", () => void accept());
  walkButton.addEventListener("click", () => void walkAway());

  const turnNote = h("p", { class: "turn-note" });
  const el = h(
    "section",
    { class: "section move", "aria-labelledby": "move-title" },
    h("h2", { id: "move-title" }, "Your move"),
    turnNote,
    h("div", { class: "end-moves" }, acceptButton, walkButton),
    h("div", { class: "field message" }, h("div", { class: "label-row" }, h("label", { for: message.id }, "Message with your move (optional)"), counter), message),
    tabs,
    offerSection,
    askSection,
  );

  return {
    el,
    show(vm: TableVM, next: TableView) {
      view = next;
      const actions = vm.actions;
      el.hidden = !actions || !actions.playing;
      if (!actions) return;
      turnNote.textContent = actions.yourTurn ? "It is your turn." : "Not your turn: you can prepare your next offer while you listen.";
      turnNote.classList.toggle("your-turn", actions.yourTurn);
      submit.textContent = actions.yourTurn ? "Make offer" : "Make offer (out of turn)";
      acceptButton.disabled = !actions.accept.available;
      acceptButton.textContent = actions.accept.available ? `Accept ${actions.accept.price}…` : "Nothing to accept yet";
      acceptButton.title = actions.accept.available ? "Accept the other side's standing offer" : "";
      fromTheirs.hidden = !view.standing[otherRole(me)];
      reset.textContent = view.standing[me] ? "my last offer" : "my opening";
      const standingTurn = view.standing[me]?.turn ?? null;
      if (baseTurn === null || (standingTurn !== baseTurn && !dirty)) {
        baseTurn = standingTurn ?? -1;
        load(initialDraft(view, me));
      } else refreshReview();
      renderIfChanged(questions, vm.questions.mine, (mine) =>
        replaceChildren(
          questions,
          mine.map((q) =>
            h(
              "li",
              { class: q.asked ? "asked" : "" },
              h("span", { class: "q-text" }, q.text),
              q.asked
                ? h("span", { class: "tag" }, "Asked")
                : h(
                    "button",
                    {
                      type: "button",
                      "data-focus": `ask-${q.id}`,
                      onclick: () => {
                        const text = takeMessage();
                        handlers.send({ type: "ask", payload: { questionId: q.id, ...(text ? { message: text } : {}) } });
                      },
                    },
                    "Ask",
                  ),
            ),
          ),
        ),
      );
    },
    /** After a refusal, give the player back the message they had typed. */
    restoreMessage() {
      if (message.value === "" && stashedMessage !== "") {
        message.value = stashedMessage;
        counter.textContent = `${message.value.length}/${MAX_MESSAGE_LENGTH}`;
      }
    },
    /** Show the offer builder or the question list, without moving focus (a phone's keyboard stays down). */
    open: select,
    current: (): "offer" | "ask" => (askSection.hidden ? "offer" : "ask"),
    submitOffer() {
      offerForm.requestSubmit(submit);
    },
    focusOffer() {
      select("offer");
      inputs.get("price")?.focus();
    },
    focusAsk() {
      select("ask");
      (questions.querySelector("button") ?? tabAsk).focus();
    },
    accept,
    walkAway,
  };
}

function fieldControl(f: DraftFieldVM, inputs: Map<string, HTMLInputElement | HTMLSelectElement>): HTMLElement {
  const id = `offer-${f.issueId}`;
  switch (f.kind) {
    case "price": {
      const number = h("input", { id, type: "number", min: f.min, max: f.max, step: f.step, inputmode: "numeric", required: true, "data-mirror": `${id}-slider` });
      const slider = h("input", { id: `${id}-slider`, type: "range", min: f.min, max: f.max, step: f.step, "aria-label": `${f.label} slider`, "data-mirror": id, tabindex: -1 });
      inputs.set(f.issueId, number);
      return h(
        "div",
        { class: "field price-field" },
        h("label", { for: id }, f.label),
        h("div", { class: "price-row" }, number, h("output", { class: "price-echo", for: id })),
        slider,
        h("span", { class: "hint" }, f.hint),
      );
    }
    case "choice": {
      const select = h("select", { id }, f.options.map((o) => h("option", { value: o.value }, o.label)));
      inputs.set(f.issueId, select);
      const wide = f.options.some((o) => o.label.length > 16);
      return h("div", { class: wide ? "field wide" : "field" }, h("label", { for: id, title: f.hint }, f.label), select);
    }
  }
}

/** Echo the typed price in money format, the way the rest of the table shows it. */
function syncPriceEcho(inputs: Map<string, HTMLInputElement | HTMLSelectElement>, currency: string): void {
  const price = inputs.get("price");
  const echo = price?.parentElement?.querySelector("output");
  if (!price || !echo) return;
  const value = Number(price.value);
  echo.textContent = Number.isFinite(value) && price.value !== "" ? formatMoney(value, currency) : "";
  const slider = price.closest(".price-field")?.querySelector<HTMLInputElement>('input[type="range"]');
  if (slider && slider.value !== price.value) slider.value = price.value;
}

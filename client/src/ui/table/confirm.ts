import { h, replaceChildren } from "../dom.js";

export type ConfirmRequest = {
  readonly title: string;
  readonly body: readonly (Node | string)[];
  readonly confirmLabel: string;
  readonly danger: boolean;
};

/**
 * A modal question for the two moves that end the game. Focus starts on "Cancel", Escape
 * cancels, and the answer is a promise so callers read like a sentence.
 */
export function confirmDialog() {
  const title = h("h2", { id: "confirm-title" });
  const body = h("div", { class: "confirm-body" });
  const cancel = h("button", { type: "button", value: "cancel" }, "Cancel");
  const ok = h("button", { type: "button", value: "ok", class: "primary" });
  const el = h("dialog", { class: "confirm", "aria-labelledby": "confirm-title" }, title, body, h("div", { class: "confirm-actions" }, cancel, ok));
  let resolve: ((answer: boolean) => void) | null = null;
  const close = (answer: boolean) => {
    if (el.open) el.close();
    resolve?.(answer);
    resolve = null;
  };
  cancel.addEventListener("click", () => close(false));
  ok.addEventListener("click", () => close(true));
  el.addEventListener("cancel", (event) => {
    event.preventDefault();
    close(false);
  });
  return {
    el,
    ask(request: ConfirmRequest): Promise<boolean> {
      close(false);
      title.textContent = request.title;
      replaceChildren(body, ...request.body);
      ok.textContent = request.confirmLabel;
      ok.classList.toggle("danger", request.danger);
      el.showModal();
      cancel.focus();
      return new Promise((r) => (resolve = r));
    },
    close: () => close(false),
  };
}

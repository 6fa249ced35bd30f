import { brand } from "./brand.js";
import { h, replaceChildren } from "./dom.js";

export type NoticeAction = { readonly label: string; readonly go: () => void };

/** A whole page saying why this address shows nothing in this window, with the ways on (the first is the main one). */
export function noticePage(root: HTMLElement, title: string, text: string, actions: readonly NoticeAction[]): void {
  const buttons = actions.map((a, i) => h("button", { type: "button", ...(i === 0 ? { class: "primary" } : {}), onclick: a.go }, a.label));
  replaceChildren(root, h("div", { class: "centered-page" }, brand(), h("div", { class: "card" }, h("h1", {}, title), h("p", {}, text), h("div", { class: "row" }, buttons))));
}

import { h } from "../ui/dom.js";

/**
 * A participant's name where space is tight (a tile, a roster row, a results row): cut with an
 * ellipsis by CSS (.name-cut), whole in the title for the mouse and in the text for a screen
 * reader; keyboard focus in the surrounding row shows it whole (workshop.css).
 */
export function nameCut(name: string, className = ""): HTMLElement {
  return h("span", { class: `name-cut${className ? ` ${className}` : ""}`, title: name }, name);
}

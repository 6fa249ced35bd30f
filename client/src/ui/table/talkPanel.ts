import type { TalkLineVM } from "../../view/talk.js";
import { h } from "../dom.js";

/** The table's running record, newest at the bottom; only lines not shown yet are added. */
export function talkPanel() {
  const list = h("ol", { class: "talk", "aria-label": "Table talk", tabindex: 0, id: "talk-log" });
  const el = h("section", { class: "section talk-section", "aria-labelledby": "talk-title" }, h("h2", { id: "talk-title" }, "Table talk"), list);
  const shown = new Set<string>();
  return {
    el,
    show(lines: readonly TalkLineVM[]) {
      // A replay after a reconnect starts the record again from the beginning.
      if (lines.length < shown.size || lines.some((l, i) => i < shown.size && !shown.has(l.key))) {
        shown.clear();
        list.replaceChildren();
      }
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      for (const line of lines) {
        if (shown.has(line.key)) continue;
        shown.add(line.key);
        list.append(
          h(
            "li",
            { class: `line tone-${line.tone} who-${line.who}${line.private ? " private" : ""}` },
            h("span", { class: "line-round" }, `R${line.round}`),
            h("span", { class: "line-text" }, line.text, line.privateTag ? h("span", { class: "tag" }, line.privateTag) : null),
            line.message ? h("q", { class: "line-message" }, line.message) : null,
          ),
        );
      }
      if (atBottom) list.scrollTop = list.scrollHeight;
    },
  };
}

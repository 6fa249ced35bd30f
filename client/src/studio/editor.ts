import { parseScenario, type Scenario, type ScenarioProblem } from "../../../shared/engine/scenario.js";
import { renderIfChanged, replaceChildren, type Children } from "../ui/dom.js";
import type { Doc } from "./document.js";
import { placeProblem, type Place } from "./paths.js";

/*
 * The studio's one source of truth: the document being written, what is wrong with it, and the
 * parts of the form drawn from it. Typing changes the document at once and checks it ~150 ms
 * later; a button or a choice that reshapes the form redraws at once. A part of the form
 * (a region) is redrawn only when the shape it is drawn from changes, so the field being typed
 * in is never replaced under the trainer's fingers.
 */

export const CHECK_DELAY_MS = 150;

/** What the document's check found, with each problem's place in the form. */
export type Checked = {
  readonly doc: Doc;
  readonly scenario: Scenario | null;
  readonly problems: readonly PlacedProblem[];
};

export type PlacedProblem = ScenarioProblem & { readonly place: Place };

type Region = { readonly el: HTMLElement; readonly shape: (doc: Doc) => unknown; readonly render: (doc: Doc) => Children };

export class Editor {
  private current: Doc;
  private regions: Region[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private touched = new Set<string>();
  private showAll = false;
  private listeners: ((checked: Checked) => void)[] = [];
  private last: Checked | null = null;
  /** Counts the documents loaded whole: the form is drawn afresh for each (see `generation`). */
  private loads = 0;
  /** Problems the server found that the local check cannot (an id taken): shown until the next change. */
  private extra: ScenarioProblem[] = [];

  constructor(
    readonly root: HTMLElement,
    doc: Doc,
  ) {
    this.current = doc;
  }

  doc(): Doc {
    return this.current;
  }

  /** A field typed into: the document changes now, the form is checked shortly after. */
  edit(path: string, next: (doc: Doc) => Doc): void {
    this.current = next(this.current);
    this.touched.add(path);
    this.extra = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), CHECK_DELAY_MS);
  }

  /** A change that may reshape the form (a list grows, a kind changes): redrawn and checked at once. */
  change(next: (doc: Doc) => Doc, focusPath?: string): void {
    this.current = next(this.current);
    this.extra = [];
    this.settle();
    if (focusPath) this.focus(focusPath);
  }

  /** Start over from another document (an import, a copy): every problem in it is shown. */
  load(doc: Doc): void {
    this.current = doc;
    this.loads += 1;
    this.touched.clear();
    this.showAll = true;
    this.extra = [];
    this.settle();
  }

  /** Show every problem beside its field, touched or not (before a save, say). */
  revealAll(): void {
    this.showAll = true;
    this.annotate();
  }

  /** Changes when a document is loaded whole: a region drawn on it shows every field afresh. */
  generation(): number {
    return this.loads;
  }

  /** Problems reported by the server for this very document. */
  addProblems(problems: readonly ScenarioProblem[]): void {
    this.extra = [...problems];
    this.showAll = true;
    this.check();
  }

  onChecked(listener: (checked: Checked) => void): void {
    this.listeners.push(listener);
    if (this.last) listener(this.last);
  }

  checked(): Checked {
    return this.last ?? this.check();
  }

  /** A part of the form drawn from the document, redrawn whenever `shape(doc)` changes. */
  region(tag: "div" | "ul" | "fieldset", attrs: Record<string, string>, shape: (doc: Doc) => unknown, render: (doc: Doc) => Children): HTMLElement {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    const region = { el, shape, render };
    this.regions.push(region);
    this.draw(region);
    return el;
  }

  /** Redraw what changed and check the document. */
  settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A region drawn inside another is dropped when its parent is redrawn; new ones join as they are made.
    for (const region of this.regions.slice()) if (region.el.isConnected || !this.root.isConnected) this.draw(region);
    this.regions = this.regions.filter((r) => r.el.isConnected || !this.root.isConnected);
    this.check();
  }

  /** Focus a field (or a section's first field) by its path, and show its problem. */
  focus(path: string): void {
    const target =
      this.root.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ??
      this.root.querySelector<HTMLElement>(`[data-section="${CSS.escape(path)}"] :is(input, select, textarea, button)`) ??
      this.root.querySelector<HTMLElement>(`[data-section="${CSS.escape(path)}"]`);
    this.touched.add(path);
    this.annotate();
    target?.focus();
    target?.scrollIntoView({ block: "center" });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listeners = [];
  }

  /** Redraw a region if its shape changed, keeping the caret where it was in the field being typed in. */
  private draw(region: Region): void {
    renderIfChanged(region.el, region.shape(this.current), () => {
      const active = document.activeElement;
      const caret = (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && region.el.contains(active) ? [active.selectionStart, active.selectionEnd] : null;
      replaceChildren(region.el, region.render(this.current));
      const now = document.activeElement;
      if (caret && (now instanceof HTMLInputElement || now instanceof HTMLTextAreaElement) && region.el.contains(now)) now.setSelectionRange(caret[0] ?? null, caret[1] ?? null);
    });
  }

  private check(): Checked {
    const parsed = parseScenario(this.current);
    const found = [...(parsed.ok ? [] : parsed.error), ...this.extra];
    const fields = new Set([...this.root.querySelectorAll<HTMLElement>("[data-path]")].map((el) => el.dataset.path as string));
    const sections = new Set([...this.root.querySelectorAll<HTMLElement>("[data-section]")].map((el) => el.dataset.section as string));
    const problems = found.map((p) => ({ ...p, place: placeProblem(p.path, fields, sections) }));
    this.last = { doc: this.current, scenario: parsed.ok && this.extra.length === 0 ? parsed.value : null, problems };
    this.annotate();
    for (const listener of this.listeners) listener(this.last);
    return this.last;
  }

  /**
   * Whether a problem is shown in the form yet: once the trainer has typed in the part of the
   * case it is in (the item or group its field belongs to), so an empty form is not all red.
   */
  private shown(el: HTMLElement): boolean {
    if (this.showAll) return true;
    const scope = el.closest<HTMLElement>("[data-section]")?.dataset.section ?? el.dataset.path ?? "";
    for (const t of this.touched) if (t === scope || t.startsWith(`${scope}.`) || t.startsWith(`${scope}[`)) return true;
    return false;
  }

  /** Put each problem beside its field or section, and clear the ones that are fixed. */
  private annotate(): void {
    const messages = new Map<Element, string[]>();
    for (const p of this.last?.problems ?? []) {
      if (p.place.kind === "top") continue;
      const found = this.slotFor(p.place);
      if (!found || !this.shown(found.el)) continue;
      const { slot } = found;
      const words = p.place.path === p.path ? p.message : `${p.path.slice(p.place.path.length).replace(/^\./, "")}: ${p.message}`;
      messages.set(slot, [...(messages.get(slot) ?? []), words]);
    }
    for (const slot of this.root.querySelectorAll<HTMLElement>(".field-problem")) {
      const text = messages.get(slot)?.join(" · ") ?? "";
      if (slot.textContent !== text) slot.textContent = text;
      slot.hidden = text === "";
      const control = slot.dataset.for ? document.getElementById(slot.dataset.for) : null;
      if (control) {
        if (text) control.setAttribute("aria-invalid", "true");
        else control.removeAttribute("aria-invalid");
      }
    }
  }

  /** The element a problem is about (a field or a section) and the slot its words go in. */
  private slotFor(place: Exclude<Place, { kind: "top" }>): { el: HTMLElement; slot: HTMLElement } | null {
    const selector = place.kind === "field" ? `[data-path="${CSS.escape(place.path)}"]` : `[data-section="${CSS.escape(place.path)}"]`;
    const el = this.root.querySelector<HTMLElement>(selector);
    const holder = place.kind === "field" ? el?.closest(".field") : el;
    const slot = holder?.querySelector<HTMLElement>(":scope > .field-problem");
    return el && slot ? { el, slot } : null;
  }
}

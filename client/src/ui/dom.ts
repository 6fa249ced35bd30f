/*
 * A small typed helper to build DOM trees without a framework. Text always goes through
 * textContent (never innerHTML), so nothing a player typed can become markup.
 */

type Child = Node | string | null | undefined | false;
export type Children = Child | readonly Children[];
type Attrs = { readonly [name: string]: string | number | boolean | null | undefined | ((event: Event) => void) };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value);
    else if (value === true) el.setAttribute(name, "");
    // A style attribute is inline style to the server's Content-Security-Policy (blocked);
    // the same declarations set through CSSOM are not.
    else if (name === "style") el.style.cssText = String(value);
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: readonly Children[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else if (typeof child === "string") el.appendChild(document.createTextNode(child));
  }
}

/** Replace an element's children, keeping focus on an element with the same data-focus key. */
export function replaceChildren(el: Element, ...children: Children[]): void {
  const active = document.activeElement;
  const focusKey = active instanceof HTMLElement && el.contains(active) ? active.dataset.focus : undefined;
  el.replaceChildren();
  append(el, children);
  if (focusKey) el.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
}

/** Re-render only when the data behind a region changed (compared as JSON). */
export function renderIfChanged<T>(el: HTMLElement & { __sig?: string }, data: T, render: (data: T) => void): void {
  const sig = JSON.stringify(data);
  if (el.__sig === sig) return;
  el.__sig = sig;
  render(data);
}

import { h } from "./dom.js";

/** The Parley mark: two speech bubbles meeting across a table line. */
export function brandMark(size = 28): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 32 32");
  svg.setAttribute("width", String(size));
  svg.setAttribute("height", String(size));
  svg.setAttribute("aria-hidden", "true");
  const shapes: [string, Record<string, string>][] = [
    ["rect", { x: "0", y: "0", width: "32", height: "32", rx: "8", fill: "#0f766e" }],
    ["path", { d: "M6 9h11a3 3 0 0 1 3 3v3a3 3 0 0 1-3 3h-6l-4 3v-3a3 3 0 0 1-3-3v-3a3 3 0 0 1 2-3z", fill: "#ffffff" }],
    ["path", { d: "M26 14h-3v3a5 5 0 0 1-5 5h-4v1a3 3 0 0 0 3 3h4l4 3v-3a3 3 0 0 0 3-3v-6a3 3 0 0 0-2-3z", fill: "#f59e0b" }],
  ];
  for (const [tag, attrs] of shapes) {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    svg.appendChild(el);
  }
  return svg;
}

export function brand(): HTMLElement {
  return h("a", { class: "brand", href: "/", "aria-label": "Parley — home" }, brandMark(), h("span", { class: "brand-name" }, "Parley"));
}

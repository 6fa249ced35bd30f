import QRCode from "qrcode";

/*
 * The join link as a QR code for the wall: an SVG, so it stays sharp however large the projector
 * draws it. Error correction M reads well off a screen from the back of a room; the quiet zone
 * (margin) is the standard four modules, without it phone cameras miss the code.
 */

export const QR_OPTIONS = { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } } as const;

/** The QR code's SVG markup, as the qrcode package writes it (tests compare it with their own). */
export function qrSvgMarkup(text: string): Promise<string> {
  return QRCode.toString(text, QR_OPTIONS);
}

/** The QR code as an element: parsed as SVG, never put in as HTML. */
export async function qrSvg(text: string, label: string): Promise<SVGSVGElement> {
  const doc = new DOMParser().parseFromString(await qrSvgMarkup(text), "image/svg+xml");
  const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  return svg;
}

import type { IncomingMessage } from "node:http";
import helmet from "helmet";

/** A Host header that is a host name or address, with an optional port, and nothing else. */
const PLAIN_HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The game's WebSocket, on this same host. CSP 3 counts ws:/wss: on the page's own host as
 * 'self', but older Safari does not, so it is named; a Host header that is anything else names nothing.
 */
const gameSocket = (req: IncomingMessage) => {
  const host = req.headers.host ?? "";
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : "'self'";
};

/**
 * Security headers on every answer (pages, assets, API, matchmaking) via helmet. The built client
 * is one module script and one stylesheet, with no inline script or style, no eval and no
 * frames: the policy allows exactly that, plus data: and blob: images (Phaser's built-in
 * textures) and module workers from the same origin (the studio's calibration runs in one;
 * named, not left to fall back on script-src, so tightening scripts cannot silently stop it).
 * No upgrade-insecure-requests: a classroom server on plain http (a laptop on the room's Wi-Fi)
 * would have every asset upgraded to an https nobody serves. Nothing may frame
 * the app (a facilitator's pause button under someone else's page).
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        "worker-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", gameSocket],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
      },
    },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
  });
}

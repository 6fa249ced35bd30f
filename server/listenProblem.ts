import type { ServerConfig } from "./config.js";
import { shownSetting, StartupError } from "./startupError.js";

/** Why the server could not listen on HOST:PORT, in words; null for anything unexpected. */
export function listenProblem(error: unknown, config: Pick<ServerConfig, "HOST" | "PORT">): StartupError | null {
  const port = shownSetting("PORT", String(config.PORT));
  const host = shownSetting("HOST", config.HOST);
  switch ((error as { code?: unknown } | null)?.code) {
    case "EADDRINUSE":
      return new StartupError(`${port} is already in use on ${host}: another program (or another Parley) listens there`);
    case "EACCES":
      return new StartupError(`${port} on ${host} is not open to this process (ports below 1024 need privileges)`);
    case "EADDRNOTAVAIL":
      return new StartupError(`${host} is not an address of this machine`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new StartupError(`${host} is not a known host name`);
    case "EAFNOSUPPORT":
      return new StartupError(`${host} is of an address family this machine does not support`);
    default:
      return null;
  }
}

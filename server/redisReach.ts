import { connect } from "node:net";
import { reasonOf, shownSetting, StartupError } from "./startupError.js";

/*
 * Whether Redis can be reached at all, checked once before the Redis clients are made: they
 * retry without end, print a line for each attempt and fail only after about ten seconds with
 * a message that names neither REDIS_URL nor the address.
 */

const TIMEOUT_MS = 5000;

export async function checkRedisReachable(redisUrl: string): Promise<void> {
  const url = new URL(redisUrl);
  const host = url.hostname || "127.0.0.1";
  const port = Number(url.port || 6379);
  const failure = await new Promise<string | null>((resolve) => {
    const socket = connect({ host, port, timeout: TIMEOUT_MS });
    socket.once("connect", () => {
      socket.destroy();
      resolve(null);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(`no answer within ${TIMEOUT_MS / 1000} s`);
    });
    socket.once("error", (error) => resolve(reasonOf(error) ?? error.message));
  });
  if (failure !== null) throw new StartupError(`${shownSetting("REDIS_URL", redisUrl)}: Redis at ${host}:${port} cannot be reached (${failure})`);
}

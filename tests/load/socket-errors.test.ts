import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/freePort.js";
import { bundleServer, openTableOver } from "../recovery/helpers/serverProcess.js";
import { Player } from "../server/helpers/player.js";
import { sleep, until } from "../server/helpers/wait.js";
import { serverEnv } from "./helpers/startAttempt.js";

/*
 * A client that breaks the WebSocket protocol is that client's problem: the server closes its
 * socket and logs one warn line saying so, not an error with a stack trace that anyone could
 * repeat to fill the log with alarms. The server runs as a process of its own at LOG_LEVEL=warn,
 * so every line it writes (stdout and stderr) is counted.
 */

const MAX_PAYLOAD_BYTES = 4096;

let bundle: { file: string; remove: () => void };
let dataDir: string;
let child: ChildProcess;
let base: string;
const lines: string[] = [];
const players: Player[] = [];

beforeAll(async () => {
  bundle = await bundleServer();
  dataDir = mkdtempSync(join(tmpdir(), "parley-socket-errors-"));
  const port = await freePort();
  base = `127.0.0.1:${port}`;
  child = spawn(process.execPath, [bundle.file], {
    env: serverEnv({ PORT: String(port), LOG_LEVEL: "warn", DATA_DIR: dataDir, MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD_BYTES) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.setEncoding("utf8").on("data", (chunk: string) => lines.push(...chunk.split("\n").filter((l) => l !== "")));
  // At LOG_LEVEL=warn the server says nothing when it is ready: ask it.
  const deadline = Date.now() + 30_000;
  while (!(await fetch(`http://${base}/healthz`).then((r) => r.ok).catch(() => false))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start:\n${lines.join("\n")}`);
    await sleep(50);
  }
});
afterAll(async () => {
  await Promise.all(players.filter((p) => p.isOpen).map((p) => p.room.leave(true).catch(() => undefined)));
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  bundle?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a client's oversized WebSocket frame", () => {
  it("closes that socket (1009) and logs one warn line, without a stack trace", async () => {
    const table = await openTableOver(`http://${base}`, "backup-appliance");
    const sender = await Player.join(`ws://${base}`, table.code, {}, "observer");
    players.push(sender);
    await sleep(300);
    const before = lines.length;

    sender.room.connection.send(new Uint8Array(MAX_PAYLOAD_BYTES + 1).fill(13));
    await until("the sender is closed", () => sender.client.closes.length > 0);
    expect(sender.client.closes).toEqual([1009]);
    await sleep(500);

    const logged = lines.slice(before);
    expect(logged, logged.join("\n")).toHaveLength(1);
    const line = JSON.parse(logged[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 40, code: "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH", msg: "closed a client's WebSocket: Max payload size exceeded" });
    expect(line.address).toEqual(expect.any(String));
    expect(logged[0]).not.toMatch(/stack|\\n\s*at /);
    expect(await fetch(`http://${base}/healthz`).then((r) => r.ok)).toBe(true);
  }, 60_000);
});

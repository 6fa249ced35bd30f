import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { freePort } from "../helpers/freePort.js";

/** The role and database scripts/services.sh makes on the local PostgreSQL. */
export const DATABASE_URL = "postgres://parley:parley@127.0.0.1:5432/parley_test";

/**
 * A Redis of this test's own (Debian's redis-server, on a free loopback port, nothing saved),
 * so room listings and presence of earlier runs or other tests never mix in.
 */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" }).stdout.trim() !== "PONG") {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("redis-server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGKILL");
      if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
    },
  };
}

/** A schema of this run in the test database; the URL points every connection at it. */
export async function freshSchema(): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  const schema = `scaleout_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    schema,
    url: `${DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** What a Redis pattern subscription heard: each message's channel and payload, as sent. */
export type RedisListener = { readonly heard: { channel: string; payload: string }[]; readonly ready: Promise<void>; readonly stop: () => Promise<void> };

/**
 * Listen to every channel matching `pattern` with redis-cli (no client library of our own): it
 * prints each message as four lines — "pmessage", the pattern, the channel, the payload — and
 * the payloads Colyseus publishes are one-line JSON.
 */
export function listenToRedis(url: string, pattern: string): RedisListener {
  const { port } = new URL(url);
  const child = spawn("redis-cli", ["-p", port, "psubscribe", pattern], { stdio: ["ignore", "pipe", "ignore"] });
  const heard: { channel: string; payload: string }[] = [];
  let buffered = "";
  const lines: string[] = [];
  let subscribed: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (subscribed = resolve));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const complete = buffered.split("\n");
    buffered = complete.pop() ?? "";
    lines.push(...complete);
    while (lines.length > 0) {
      if (lines[0] === "psubscribe" && lines.length >= 3) {
        lines.splice(0, 3);
        subscribed();
      } else if (lines[0] === "pmessage" && lines.length >= 4) {
        const [, , channel, payload] = lines.splice(0, 4);
        heard.push({ channel: channel!, payload: payload! });
      } else if (lines[0] !== "psubscribe" && lines[0] !== "pmessage") lines.shift();
      else break;
    }
  });
  return {
    heard,
    ready,
    stop: async () => {
      child.kill("SIGKILL");
      if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
    },
  };
}

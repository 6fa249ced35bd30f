/*
 * Child process of the cross-process claim test: waits for "go" on stdin so all children start
 * together, claims every code it is given, then prints the codes it won as JSON.
 * Usage: claimRace.ts <sqlite path> <owner> <code>...
 */
import { once } from "node:events";
import { SqliteStore } from "../../server/storage/sqlite.js";

const [path, owner, ...codes] = process.argv.slice(2);
if (!path || !owner) throw new Error("usage: claimRace.ts <sqlite path> <owner> <code>...");
const store = new SqliteStore({ path });
process.stdout.write("ready\n");
await once(process.stdin, "data");
const won: string[] = [];
for (const code of codes) if (await store.claimTable(code, owner, 60_000, Date.now())) won.push(code);
await store.close();
process.stdout.write(`${JSON.stringify(won)}\n`);
process.stdin.destroy();

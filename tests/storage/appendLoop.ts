/*
 * Child process of the crash-safety test: appends note entries to one table as fast as it
 * can, printing each seq once appendAction has resolved, until it is killed.
 * Usage: appendLoop.ts <sqlite path> <table code>
 */
import { SqliteStore } from "../../server/storage/sqlite.js";
import { noteEntry } from "./fixtures.js";

const [path, code] = process.argv.slice(2);
if (!path || !code) throw new Error("usage: appendLoop.ts <sqlite path> <table code>");
const store = new SqliteStore({ path });
const table = await store.loadTable(code);
if (!table) throw new Error(`no table ${code}`);
for (let seq = table.log.length + 1; ; seq++) {
  await store.appendAction(code, noteEntry(seq, 400));
  // A pipe write is synchronous on Linux: once the parent reads this line, the append was acknowledged.
  process.stdout.write(`${seq}\n`);
}

import { readFileSync } from "node:fs";
import { relative } from "node:path";

/*
 * npx tsx scripts/bench-load/profileTop.ts FILE.cpuprofile [N] — the top N functions of a V8
 * CPU profile (bench:load --profile writes them) by self time, then Parley's own functions
 * (the built server, dist/server) by total time, callees included, each with its share of the
 * busy samples and where it is, so a profile can be read and compared without a browser.
 */

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, count = "25"] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: tsx scripts/bench-load/profileTop.ts FILE.cpuprofile [N]\n");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
const keyOf = (node: Node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ""))}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"}  ${where}`.trim();
};
const selfUs = new Map<string, number>();
const ownTotalUs = new Map<string, number>();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const node = byId.get(id);
  const dt = profile.timeDeltas[i] ?? 0;
  if (!node) return;
  const key = keyOf(node);
  selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
  totalUs += dt;
  const onStack = new Set<string>();
  for (let at: Node | undefined = node; at; at = byId.get(parentOf.get(at.id) ?? -1)) if (at.callFrame.url.includes("dist/server/")) onStack.add(keyOf(at));
  for (const k of onStack) ownTotalUs.set(k, (ownTotalUs.get(k) ?? 0) + dt);
});
const busyUs = totalUs - (selfUs.get("(idle)") ?? 0);
process.stdout.write(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled, ${(busyUs / 1000).toFixed(0)} ms busy\n`);
const print = (title: string, entries: Map<string, number>) => {
  process.stdout.write(`${title}\n`);
  const top = [...entries.entries()].filter(([k]) => k !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, Number(count));
  for (const [key, us] of top) process.stdout.write(`${((100 * us) / Math.max(1, busyUs)).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(7)} ms  ${key}\n`);
};
print("by self time:", selfUs);
print("Parley's own functions by total time (callees included):", ownTotalUs);

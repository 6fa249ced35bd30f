import { cpus, loadavg, totalmem } from "node:os";

/** Where and when a run happened: figures from a shared box mean little without this. */
export type Machine = { readonly cpu: string; readonly cores: number; readonly memGiB: number; readonly node: string; readonly date: string };

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: (list[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim(),
    cores: list.length,
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

/** The 1-minute load average now, as `uptime` shows it. */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

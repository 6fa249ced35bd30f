/**
 * @colyseus/core starts @pm2/io when it is installed (it is one of its dependencies), for PM2's
 * dashboard: timers that, every second, list every open handle of the process (each socket) and
 * sample the event loop, whether or not PM2 is there to read them. Parley reports through its
 * own log and health endpoint and does not run under PM2, so the timers are stopped at start.
 * The module is one instance per process, so Colyseus later finds it stopped too.
 */
export async function stopPm2Metrics(): Promise<void> {
  const pm2 = (await import("@pm2/io").catch(() => null)) as { default?: { destroy?: () => void } } | null;
  pm2?.default?.destroy?.();
}

import { createServer, connect, type Socket } from "node:net";

/**
 * A TCP relay in front of the server, so a test can pull the network cable: `cut()` drops every
 * open connection abruptly (no WebSocket close frame, as a real drop) and refuses new ones until
 * `restore()`.
 */
export type Relay = { readonly baseUrl: string; readonly cut: () => void; readonly restore: () => void; readonly stop: () => Promise<void> };

export async function startRelay(target: URL): Promise<Relay> {
  const open = new Set<Socket>();
  let down = false;
  const server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on("close", () => open.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    cut: () => {
      down = true;
      for (const s of open) s.destroy();
    },
    restore: () => {
      down = false;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

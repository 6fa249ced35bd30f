import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/*
 * The web client: Vite root is client/, the build goes to client/dist (served by the game
 * server on its own port). Phaser is large and only the table needs it: it gets its own chunk,
 * loaded when a table opens. `npm run dev:client` proxies the API and game socket to a server
 * on PARLEY_SERVER (default http://127.0.0.1:2567).
 */
const server = process.env.PARLEY_SERVER ?? "http://127.0.0.1:2567";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "phaser", test: /node_modules[\\/]phaser[\\/]/ },
            { name: "vendor", test: /node_modules[\\/](colyseus\.js|@colyseus|zod)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": server,
      "/healthz": server,
      "/matchmake": server,
      // Colyseus rooms live at /<processId>/<roomId>: forward every other WebSocket upgrade.
      "^/[A-Za-z0-9_-]+/[A-Z0-9]{4,12}(\\?|$)": { target: server, ws: true },
    },
  },
});

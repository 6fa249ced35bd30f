import { parseConfig } from "./config.js";
import { readSettings } from "./environment.js";
import { createLogger } from "./logger.js";
import { startServer } from "./start.js";
import { sqlitePathFor, storageSettingsOf } from "./storage/open.js";

/* Entry point of `npm start`: settings from the environment (then .env), then the server. */

const settings = readSettings(process.env, process.cwd());
const parsed = parseConfig(settings.values);
if (!parsed.ok) {
  console.error(`Parley cannot start: bad settings\n  ${parsed.problems.join("\n  ")}`);
  process.exit(1);
}
const { config } = parsed;
const logger = createLogger(config.LOG_LEVEL);
logger.info(
  { files: settings.file ? [settings.file.path] : [], fromFile: settings.file?.supplied ?? [] },
  settings.file
    ? `settings: the environment, then ${settings.file.path} for what it leaves unset (${settings.file.supplied.join(", ") || "nothing"})`
    : "settings: the environment only (no .env file in the working directory)",
);
try {
  const running = await startServer(config, { logger, handleSignals: true });
  const storage = config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : sqlitePathFor(storageSettingsOf(config));
  logger.info(
    {
      url: `http://${config.HOST}:${running.port}`,
      reconnectSeconds: config.RECONNECT_SECONDS,
      scenarios: running.services.catalog.list().length,
      storage,
      scaleOut: config.REDIS_URL ? { publicAddress: config.PUBLIC_ADDRESS } : false,
      resumedGames: running.recovered.tables,
    },
    "Parley is listening",
  );
} catch (error) {
  logger.fatal({ err: error }, "Parley could not start");
  process.exit(1);
}

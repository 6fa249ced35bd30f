import { parseConfig } from "./config.js";
import { readSettings, type Settings } from "./environment.js";
import { createLogger, type Logger } from "./logger.js";
import { startServer } from "./start.js";
import { StartupError } from "./startupError.js";
import { sqlitePathFor, storageSettingsOf } from "./storage/open.js";

/*
 * Entry point of `npm start`: settings from the environment (then .env), then the server.
 * A reason not to start that the operator can fix (a bad setting, a data folder that is a file,
 * a port in use, a database out of reach) is written on stderr as one plain line each, whatever
 * LOG_LEVEL says, and the process exits with code 1 without a stack trace. Anything else is a
 * bug, and keeps its stack.
 */

function refuseToStart(problems: readonly string[], logger?: Logger): never {
  for (const problem of problems) {
    logger?.fatal({ problem }, `Parley cannot start: ${problem}`);
    process.stderr.write(`Parley cannot start: ${problem}\n`);
  }
  process.exit(1);
}

function failed(error: unknown, logger?: Logger): never {
  if (error instanceof StartupError) refuseToStart([error.message], logger);
  logger?.fatal({ err: error }, "Parley could not start");
  process.stderr.write(`Parley could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}

function announce(settings: Settings, logger: Logger): void {
  const file = settings.file;
  logger.info(
    { files: file ? [file.path] : [], fromFile: file?.supplied ?? [] },
    file
      ? `settings: the environment, then ${file.path} for what it leaves unset (${file.supplied.join(", ") || "nothing"})`
      : "settings: the environment only (no .env file in the working directory)",
  );
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = readSettings(process.env, process.cwd());
  } catch (error) {
    failed(error);
  }
  const parsed = parseConfig(settings.values);
  if (!parsed.ok) refuseToStart(parsed.problems);
  const { config } = parsed;
  const logger = createLogger(config.LOG_LEVEL);
  announce(settings, logger);
  try {
    const running = await startServer(config, { logger, handleSignals: true });
    const storage = config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : sqlitePathFor(storageSettingsOf(config));
    logger.info(
      {
        url: `http://${config.HOST}:${running.port}`,
        reconnectSeconds: config.RECONNECT_SECONDS,
        scenarios: (await running.services.scenarios.list([])).length,
        storage,
        scaleOut: config.REDIS_URL ? { publicAddress: config.PUBLIC_ADDRESS } : false,
      },
      "Parley is listening",
    );
  } catch (error) {
    failed(error, logger);
  }
}

await main();

/**
 * The server program: `npm start -- [--port N] [--data-dir DIR] [--programme FILE] [--clock ISO|real]
 * [--speed X] [--host H] [--trust-proxy] [--feed URL ...] [--feed-interval 5m] [--tls-cert FILE --tls-key FILE
 * [--http-redirect-port N]]` and `npm run demo`. Configuration problems end the
 * process at once with one line and exit code 2.
 *
 * Everything a refusal depends on (the options, the built pages, the data directory) is checked
 * before the server's own modules are loaded (start-server.ts: express, socket.io, the stores,
 * the readers), so an operator's typo is answered in a fraction of the start-up time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ensureBuilt, isBuildStale, isBuilt, isViteAvailable, planPages } from './platform/vite-build.ts';
import { ConfigError, parseConfig, type Config } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { DataDirError, takeDataDir } from './platform/data-dir.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { firstLine } from './platform/first-line.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`signage: ${message}\n`);
  process.exit(code);
}

/**
 * Production serves what `npm run build` made; development rebuilds stale pages with Vite, and a
 * failed rebuild still lets the server run on the previous build.
 */
async function buildPages(logger: Logger): Promise<void> {
  const plan = planPages({
    production: process.env.NODE_ENV === 'production',
    built: isBuilt(),
    stale: isBuildStale(),
    viteAvailable: isViteAvailable(),
  });
  if (plan.action === 'fail') fail(plan.message, 2);
  if (plan.action === 'serve') {
    if (plan.warning) logger.warn(plan.warning);
    return;
  }
  try {
    await ensureBuilt();
  } catch (error) {
    const reason = firstLine(error);
    if (!existsSync(join(DIST, 'index.html'))) fail(`cannot build the pages: ${reason}`, 1);
    logger.warn('could not rebuild the pages; serving the previous build', { reason });
  }
}

/**
 * A bug that escapes every handler leaves the server in an unknown state: say what it was and exit
 * non-zero so the service manager (deploy/venue-signage.service: Restart=on-failure) starts a clean one.
 */
function exitOnUnexpectedErrors(logger: () => Logger | undefined): void {
  const crash = (kind: string) => (error: unknown) => {
    const log = logger();
    if (log) log.error(`${kind}, exiting`, error);
    else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`signage: ${kind}, exiting: ${detail}\n`);
    }
    process.exit(70);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled promise rejection'));
}

async function main(): Promise<void> {
  // Crashes before the logger exists (a bad option cannot crash, but a build can) go to stderr.
  const crashLog: { logger?: Logger } = {};
  exitOnUnexpectedErrors(() => crashLog.logger);
  let config: Config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
  const log = createLogger({ level: config.logLevel });
  crashLog.logger = log;

  await buildPages(log);
  try {
    takeDataDir(config.dataDir, { wipe: config.wipeDataDir });
  } catch (error) {
    if (error instanceof DataDirError) fail(error.message, 2);
    throw error;
  }

  const { startServer } = await import('./start-server.ts');
  const starting = startServer(config, log);

  // Listened for from the start: the banner (printed once it listens) tells a supervisor it may
  // stop the server, and a stop must then be clean even if startServer has not returned yet.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    // Screens reconnect on their own; never hang on a stubborn connection when asked to stop.
    setTimeout(() => {
      log.warn('connections did not close within 5 s; exiting anyway');
      process.exit(0);
    }, 5000).unref();
    // A start that fails exits through the refusal below.
    const server = await starting.catch(() => new Promise<never>(() => {}));
    await server.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    await starting;
  } catch (error) {
    // Unusable data or settings: 2, as for a bad option; a port that is taken: 1.
    if (error instanceof AppError) fail(error.message, error.kind === 'cannot-listen' ? 1 : 2);
    throw error;
  }
}

await main();

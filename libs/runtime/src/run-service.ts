import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';

/**
 * Runs until SIGINT/SIGTERM, then closes the app first (consumers finish their batch and commit) and
 * the ports after, so an accepted event is never cut off half-written.
 */
export function closeOnSignal(
  app: INestApplication,
  closePorts: () => Promise<void>,
  extra: (() => Promise<void>)[] = [],
): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: finishing work in flight`);
    void (async () => {
      try {
        await app.close();
        for (const close of extra) await close();
        await closePorts();
        process.exit(0);
      } catch (error) {
        logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        process.exit(1);
      }
    })();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

export type MessagingLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where the adapters report what an operator should see (retries, dead letters, client warnings). */
export type MessagingLogger = (
  level: MessagingLogLevel,
  message: string,
  context?: Record<string, unknown>,
) => void;

/** Default: warnings and errors to stderr, nothing else; the platform passes its own logger. */
export const stderrLogger: MessagingLogger = (level, message, context) => {
  switch (level) {
    case 'debug':
    case 'info':
      return;
    case 'warn':
    case 'error':
      process.stderr.write(`[messaging] ${level}: ${message}${context ? ` ${safeJson(context)}` : ''}\n`);
      return;
  }
};

export const silentLogger: MessagingLogger = () => undefined;

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '[unserialisable context]';
  }
}

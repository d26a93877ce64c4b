import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { MessagingLogLevel, MessagingLogger } from '../messaging.logger';

export function toKafkaLogLevel(level: MessagingLogLevel): logLevel {
  switch (level) {
    case 'debug':
      return logLevel.DEBUG;
    case 'info':
      return logLevel.INFO;
    case 'warn':
      return logLevel.WARN;
    case 'error':
      return logLevel.ERROR;
  }
}

function fromKafkaLogLevel(level: logLevel): MessagingLogLevel {
  switch (level) {
    case logLevel.DEBUG:
      return 'debug';
    case logLevel.INFO:
      return 'info';
    case logLevel.WARN:
      return 'warn';
    case logLevel.ERROR:
    case logLevel.NOTHING:
      return 'error';
  }
}

/** Routes kafkajs's own log lines (already filtered by the client's level) to the platform logger. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, ...context } = log;
      logger(fromKafkaLogLevel(level), `kafkajs ${namespace}: ${String(message)}`, context);
    };
}

import pino, { type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * JSON lines to stdout. Call sites never pass keys, Authorization headers or query strings; the redaction list is a
 * second line of defence in case a whole request or config object is ever logged by mistake.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'gatehouse-sidecar' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['token', '*.token', 'headers.authorization', 'headers["x-api-key"]', '*.headers.authorization', '*.headers["x-api-key"]'],
      censor: '[redacted]',
    },
  });
}

import { pino, stdSerializers } from 'pino';
import type { DestinationStream, Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Field names whose values are censored wherever they appear in a log line,
 * one or two levels deep. Code should not log these at all; this is the net.
 */
const SECRET_FIELDS = [
  'plaintext',
  'Plaintext',
  'keyMaterial',
  'material',
  'wrapped',
  'dataKey',
  'signingKey',
  'secretAccessKey',
  'SecretAccessKey',
  'secret',
  'password',
  'authorization',
  'Authorization',
  'rootKey',
  'ciphertextBlob',
  'CiphertextBlob',
] as const;

export const REDACT_PATHS: readonly string[] = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  ...SECRET_FIELDS.map((f) => `*.*.${f}`),
  'req.headers.authorization',
  'headers.authorization',
];

export interface LoggerOptions {
  /** The service name put on every line. */
  readonly service: string;
  /** @default 'info' */
  readonly level?: string;
  /** Where lines go. @default stdout */
  readonly destination?: DestinationStream;
}

/** A pino logger with the service name on every line and secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      serializers: { err: stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}

import pino from 'pino';
import { config } from './config.js';

/**
 * JSON logs to stdout; one line per request carries its request id (see hooks.server.ts).
 * Written asynchronously: under load, lines that arrive while a write is in flight go out
 * together in the next one, instead of a blocking write per request. pino flushes what is
 * left when the process exits.
 */
export const log = pino(
	{
		level: config().logLevel,
		base: { service: 'ustat' },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: { paths: ['password', '*.password', 'token', '*.token'], censor: '[redacted]' }
	},
	pino.destination({ dest: 1, sync: false })
);

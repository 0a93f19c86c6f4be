import pino from 'pino';
import { config } from './config.js';

/** JSON logs to stdout; one line per request carries its request id (see hooks.server.ts). */
export const log = pino({
	level: config().logLevel,
	base: { service: 'ustat' },
	timestamp: pino.stdTimeFunctions.isoTime,
	redact: { paths: ['password', '*.password', 'token', '*.token'], censor: '[redacted]' }
});

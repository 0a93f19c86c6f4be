// @ts-check
// Configuration by environment, validated once with zod. Plain JS so that the launcher
// (scripts/start.js, no build step) and the app share one definition.
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce
	.number({ error: 'must be a number' })
	.int('must be a whole number')
	.min(0, 'must be between 0 and 65535')
	.max(65535, 'must be between 0 and 65535');

const schema = z
	.object({
		PORT: port.default(3000),
		HOST: z.string().trim().min(1, 'must not be empty').default('0.0.0.0'),
		BASE_URL: z
			.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
			.optional(),
		DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
		// Secrets that must not travel with DATA_DIR and its backups (the ballot key).
		KEY_DIR: z.string().trim().min(1, 'must not be empty').default('./keys'),
		DATABASE_URL: z
			.string()
			.trim()
			.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
			.optional(),
		LOG_LEVEL: z
			.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
				error: 'must be one of fatal, error, warn, info, debug, trace, silent'
			})
			.default('info'),
		SMTP_URL: z
			.string()
			.trim()
			.regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
			.optional(),
		MAIL_FROM: z.string().trim().min(3).default('Ustat <no-reply@localhost>'),
		// The school's Telegram bot (optional): notifications there for those who link it.
		TELEGRAM_BOT_TOKEN: z
			.string()
			.trim()
			.regex(/^\d+:[\w-]+$/, 'must be a bot token from @BotFather (digits:letters)')
			.optional(),
		// The Bot API's address; tests point it at a local fake server.
		TELEGRAM_API_URL: z
			.string()
			.trim()
			.url('must be an http(s) URL')
			.default('https://api.telegram.org'),
		// Number of reverse proxies in front of the app whose X-Forwarded-For we trust. 0: none,
		// the client address is the socket's, and X-Forwarded-For is ignored.
		TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
		TIME_ZONE: z
			.string()
			.default('Asia/Bishkek')
			.refine((tz) => {
				try {
					new Intl.DateTimeFormat('en', { timeZone: tz });
					return true;
				} catch {
					return false;
				}
			}, 'must be an IANA time zone such as Asia/Bishkek'),
		// Attachments: the largest single file, and all files of one group together.
		MAX_FILE_MB: z.coerce.number().int().min(1).max(2000).default(50),
		MAX_GROUP_FILES_MB: z.coerce.number().int().min(1).max(1048576).default(2048),
		// The key that seals secret ballots while a vote is open (base64, 32 bytes or more).
		// Unset: DATA_DIR/ballot.key, made on first use. Several instances must share one.
		BALLOT_KEY: z
			.string()
			.trim()
			.refine((v) => Buffer.from(v, 'base64').length >= 32, 'must be at least 32 bytes in base64')
			.optional(),
		// Background jobs (compiling collections) run inside the app unless turned off here, e.g.
		// on instances that should only serve pages while others do the compiling.
		JOBS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
		// LibreOffice's soffice, to import Word 97–2003 (.doc) files by converting them to .docx
		// in a job. Unset: such a file is refused with a note on saving it as .docx.
		LIBREOFFICE: z
			.string()
			.trim()
			.regex(/^\//, 'must be an absolute path to soffice, e.g. /usr/bin/soffice')
			.optional(),
		// One conversion's limits: it is killed past this many seconds or this much memory.
		// Below the job queue's 120 s without a heartbeat, after which a job counts as dead.
		LIBREOFFICE_SECONDS: z.coerce.number().int().min(1).max(90).default(60),
		LIBREOFFICE_MEMORY_MB: z.coerce.number().int().min(512).max(8192).default(1024)
	})
	.transform((env) => {
		const baseUrl = new URL(env.BASE_URL ?? `http://localhost:${env.PORT || 3000}`);
		return {
			port: env.PORT,
			host: env.HOST,
			baseUrl: baseUrl.origin,
			dataDir: path.resolve(env.DATA_DIR),
			keyDir: path.resolve(env.KEY_DIR),
			databaseUrl: env.DATABASE_URL,
			logLevel: env.LOG_LEVEL,
			smtpUrl: env.SMTP_URL,
			mailFrom: env.MAIL_FROM,
			telegramBotToken: env.TELEGRAM_BOT_TOKEN,
			telegramApiUrl: env.TELEGRAM_API_URL.replace(/\/+$/, ''),
			trustedProxies: env.TRUSTED_PROXIES,
			timeZone: env.TIME_ZONE,
			maxFileBytes: env.MAX_FILE_MB * 1024 * 1024,
			maxGroupFilesBytes: env.MAX_GROUP_FILES_MB * 1024 * 1024,
			ballotKey: env.BALLOT_KEY ? Buffer.from(env.BALLOT_KEY, 'base64') : undefined,
			runsJobs: env.JOBS === 'on',
			libreOffice: env.LIBREOFFICE
				? {
						soffice: env.LIBREOFFICE,
						seconds: env.LIBREOFFICE_SECONDS,
						memoryBytes: env.LIBREOFFICE_MEMORY_MB * 1024 * 1024
					}
				: undefined
		};
	});

/** @typedef {z.output<typeof schema>} Config */

/** Thrown with every problem listed, one per line, naming the variable. */
export class ConfigError extends Error {
	/** @param {string[]} problems */
	constructor(problems) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
		this.problems = problems;
	}
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {Config}
 */
export function parseConfig(env) {
	// Empty strings mean "unset", as in most .env files.
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, value]) => value !== undefined && value !== '')
	);
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		throw new ConfigError(
			result.error.issues.map(
				(issue) =>
					`${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(cleaned[String(issue.path[0])] ?? null)})`
			)
		);
	}
	return result.data;
}

/** @type {Config | undefined} */
let cached;

/** The process configuration, parsed on first use. */
export function config() {
	cached ??= parseConfig(process.env);
	return cached;
}

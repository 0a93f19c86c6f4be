import type { MessageKey } from '../i18n/messages';

/** Domain error codes and the HTTP status each becomes at the web boundary. */
export const appErrorStatus = {
	invalid: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	gone: 410,
	rate_limited: 429
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

/**
 * An expected failure of a use case. `message` is a message-catalog key so the web layer can
 * translate it; `field` ties it to a form field when there is one.
 */
export class AppError extends Error {
	readonly code: AppErrorCode;
	readonly messageKey: MessageKey;
	readonly field?: string;
	readonly params?: Record<string, string | number>;
	readonly retryAfterSeconds?: number;

	constructor(
		code: AppErrorCode,
		messageKey: MessageKey,
		options: {
			field?: string;
			params?: Record<string, string | number>;
			retryAfterSeconds?: number;
		} = {}
	) {
		super(`${code}: ${messageKey}`);
		this.name = 'AppError';
		this.code = code;
		this.messageKey = messageKey;
		this.field = options.field;
		this.params = options.params;
		this.retryAfterSeconds = options.retryAfterSeconds;
	}

	get status(): number {
		return appErrorStatus[this.code];
	}
}

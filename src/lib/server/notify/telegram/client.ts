import { telegramSettings, type TelegramSettings } from './settings';

// A small client of the Telegram Bot API (https://core.telegram.org/bots/api): one HTTPS POST
// with a JSON body per call, a timeout on each, and the failures the callers treat apart as
// typed errors. The token is part of the URL only: no message, error or log line carries it.

export type TelegramFailure =
	/** 429: too many messages; `retryAfter` seconds before the next try. */
	| 'rate_limited'
	/** 403: the person blocked the bot (or deleted their account): the chat is gone. */
	| 'blocked'
	/** 400: the request itself is wrong (a chat that does not exist, bad text). */
	| 'bad_request'
	/** 401/404: the token is wrong or revoked. */
	| 'unauthorized'
	/** No answer within the timeout. */
	| 'timeout'
	/** No connection, a reset, an answer that is not the Bot API's. */
	| 'network'
	/** 5xx or another status: Telegram's side. */
	| 'server';

export class TelegramError extends Error {
	readonly failure: TelegramFailure;
	readonly status?: number;
	readonly retryAfter?: number;
	constructor(
		failure: TelegramFailure,
		message: string,
		options: { status?: number; retryAfter?: number } = {}
	) {
		super(message);
		this.name = 'TelegramError';
		this.failure = failure;
		this.status = options.status;
		this.retryAfter = options.retryAfter;
	}

	/** Whether trying the same call later may succeed. */
	get transient(): boolean {
		return ['rate_limited', 'timeout', 'network', 'server'].includes(this.failure);
	}
}

export interface TelegramUser {
	id: number;
	is_bot?: boolean;
	first_name?: string;
	username?: string;
	language_code?: string;
}

export interface TelegramMessage {
	message_id: number;
	date?: number;
	chat: { id: number; type: string };
	from?: TelegramUser;
	text?: string;
}

export interface TelegramUpdate {
	update_id: number;
	message?: TelegramMessage;
}

interface Answer<T> {
	ok: boolean;
	result?: T;
	error_code?: number;
	description?: string;
	parameters?: { retry_after?: number };
}

/** One Bot API call. Throws TelegramError for every failure. */
export async function callBot<T>(
	method: string,
	params: Record<string, unknown>,
	settings: TelegramSettings = telegramSettings()
): Promise<T> {
	if (!settings.token) throw new TelegramError('unauthorized', 'Telegram bot is not configured');
	let response: Response;
	let body: Answer<T>;
	try {
		response = await fetch(`${settings.apiUrl}/bot${settings.token}/${method}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(params),
			signal: AbortSignal.timeout(settings.timeoutMs)
		});
		body = (await response.json()) as Answer<T>;
	} catch (err) {
		// Our own words only: an error from fetch may carry the URL, and the URL the token.
		const name = err instanceof Error ? err.name : '';
		if (name === 'TimeoutError' || name === 'AbortError')
			throw new TelegramError(
				'timeout',
				`Telegram ${method}: no answer in ${settings.timeoutMs} ms`
			);
		const code = (err as { cause?: { code?: unknown } })?.cause?.code;
		throw new TelegramError(
			'network',
			`Telegram ${method}: ${typeof code === 'string' ? code : 'unreadable answer'}`
		);
	}
	if (response.ok && body.ok) return body.result as T;
	const status = body.error_code ?? response.status;
	const description = `Telegram ${method}: ${status} ${String(body.description ?? '').slice(0, 200)}`;
	if (status === 429)
		throw new TelegramError('rate_limited', description, {
			status,
			retryAfter: Math.max(1, Number(body.parameters?.retry_after) || 5)
		});
	if (status === 403) throw new TelegramError('blocked', description, { status });
	if (status === 400) throw new TelegramError('bad_request', description, { status });
	if (status === 401 || status === 404)
		throw new TelegramError('unauthorized', description, { status });
	throw new TelegramError('server', description, { status });
}

export const getMe = (settings?: TelegramSettings) => callBot<TelegramUser>('getMe', {}, settings);

export const getUpdates = (offset: number, settings?: TelegramSettings) =>
	callBot<TelegramUpdate[]>(
		'getUpdates',
		// Short polling: the sweep asks, takes what is there and ends; a job never waits.
		{ offset, limit: 100, timeout: 0, allowed_updates: ['message'] },
		settings
	);

/** Sends a message with HTML formatting (escaped by the caller) and no link preview. */
export const sendMessage = (chatId: string, html: string, settings?: TelegramSettings) =>
	callBot<TelegramMessage>(
		'sendMessage',
		{
			chat_id: chatId,
			text: html,
			parse_mode: 'HTML',
			// Bot API 7.0 replaced disable_web_page_preview with this.
			link_preview_options: { is_disabled: true }
		},
		settings
	);

/** Text made safe for parse_mode HTML: only &, < and > need escaping there. */
export const escapeHtml = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The bot's @username, asked once per token and kept (it never changes for a token). */
const usernames = new Map<string, string>();
export async function botUsername(settings = telegramSettings()): Promise<string | null> {
	if (!settings.token) return null;
	const known = usernames.get(settings.token);
	if (known) return known;
	const me = await getMe(settings);
	if (!me.username) return null;
	usernames.set(settings.token, me.username);
	return me.username;
}

import { config } from '../../config.js';

// What the Telegram part needs of the configuration, read at each use so that tests can
// point it at a local fake Bot API (setTelegramSettings) without touching the environment.

export interface TelegramSettings {
	/** TELEGRAM_BOT_TOKEN; undefined: Telegram is off. Never logged. */
	token: string | undefined;
	/** The Bot API's address, without a trailing slash. */
	apiUrl: string;
	/** Where the app is reached: links in messages are absolute. */
	baseUrl: string;
	/** How long one Bot API call may take before it counts as timed out. */
	timeoutMs: number;
}

let override: Partial<TelegramSettings> | undefined;

export function telegramSettings(): TelegramSettings {
	const c = config();
	return {
		token: c.telegramBotToken,
		apiUrl: c.telegramApiUrl,
		baseUrl: c.baseUrl,
		timeoutMs: 10_000,
		...override
	};
}

/** Tests: replace some settings; `undefined` goes back to the configuration. */
export function setTelegramSettings(settings: Partial<TelegramSettings> | undefined): void {
	override = settings;
}

export const telegramConfigured = (): boolean => Boolean(telegramSettings().token);

/** The bot's numeric id (the token's public part): names the bot's update cursor. */
export const botIdOf = (token: string): string => token.split(':')[0] ?? 'bot';

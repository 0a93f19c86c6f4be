import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TelegramUpdate } from '../notify/telegram/client';

// A fake Telegram Bot API for tests: a real HTTP server on a random local port that answers
// getMe, getUpdates (queued updates, confirmed by the offset as Telegram does) and
// sendMessage (recorded), and fails on demand: 429 with retry_after, 403 (the bot blocked),
// an answer slower than the client's timeout
// (the message then not kept, as when Telegram never got it).

export const FAKE_TOKEN = '123456:TEST-token_for-the-fake-bot';

export interface SentMessage {
	chatId: string;
	text: string;
	params: Record<string, unknown>;
}

type Failure =
	| { kind: 'rate_limited'; retryAfter: number }
	| { kind: 'blocked' }
	| { kind: 'bad_request' }
	| { kind: 'slow'; ms: number };

export interface FakeTelegram {
	/** The base URL to use as TELEGRAM_API_URL. */
	url: string;
	token: string;
	username: string;
	/** Messages the bot sent, in order. */
	sent: SentMessage[];
	/** Every call, by method (to check that the token was right and what was asked). */
	calls: { method: string; params: Record<string, unknown> }[];
	/** A private message from a person to the bot; returns its update_id. */
	sendToBot(chatId: number, text: string, languageCode?: string): number;
	/** The next calls of `method` fail this way, one failure per call. */
	failNext(method: string, ...failures: Failure[]): void;
	close(): Promise<void>;
}

export async function startFakeTelegram(
	options: { token?: string; username?: string } = {}
): Promise<FakeTelegram> {
	const token = options.token ?? FAKE_TOKEN;
	const username = options.username ?? 'ustat_test_bot';
	const updates: TelegramUpdate[] = [];
	const failures = new Map<string, Failure[]>();
	let nextUpdateId = 1000;
	let nextMessageId = 1;
	const sockets = new Set<import('node:net').Socket>();

	const fake: Omit<FakeTelegram, 'url' | 'close'> = {
		token,
		username,
		sent: [],
		calls: [],
		sendToBot(chatId, text, languageCode = 'ky') {
			const id = nextUpdateId++;
			updates.push({
				update_id: id,
				message: {
					message_id: nextMessageId++,
					date: Math.floor(Date.now() / 1000),
					chat: { id: chatId, type: 'private' },
					from: { id: chatId, is_bot: false, first_name: 'Мугалим', language_code: languageCode },
					text
				}
			});
			return id;
		},
		failNext(method, ...list) {
			failures.set(method, [...(failures.get(method) ?? []), ...list]);
		}
	};

	const answer = (res: http.ServerResponse, status: number, body: unknown) => {
		if (res.destroyed) return;
		res.writeHead(status, { 'content-type': 'application/json' });
		res.end(JSON.stringify(body));
	};
	const error = (res: http.ServerResponse, code: number, description: string, extra = {}) =>
		answer(res, code, { ok: false, error_code: code, description, ...extra });

	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (raw += chunk));
		req.on('end', async () => {
			const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
			if (!match || match[1] !== token) return error(res, 401, 'Unauthorized');
			const method = match[2]!;
			let params: Record<string, unknown>;
			try {
				params = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
			} catch {
				return error(res, 400, 'Bad Request: invalid JSON');
			}
			fake.calls.push({ method, params });
			const failure = failures.get(method)?.shift();
			// Too late for the client, which has given up: the message is not kept.
			if (failure?.kind === 'slow') {
				await new Promise((r) => setTimeout(r, failure.ms));
				return error(res, 500, 'Internal Server Error: too slow');
			}
			if (failure?.kind === 'rate_limited')
				return error(res, 429, `Too Many Requests: retry after ${failure.retryAfter}`, {
					parameters: { retry_after: failure.retryAfter }
				});
			else if (failure?.kind === 'blocked')
				return error(res, 403, 'Forbidden: bot was blocked by the user');
			else if (failure?.kind === 'bad_request')
				return error(res, 400, "Bad Request: can't parse entities");

			switch (method) {
				case 'getMe':
					return answer(res, 200, {
						ok: true,
						result: { id: Number(token.split(':')[0]), is_bot: true, first_name: 'Устат', username }
					});
				case 'getUpdates': {
					// Telegram forgets the updates below the offset: they were confirmed.
					const offset = Number(params.offset ?? 0);
					while (updates.length > 0 && updates[0]!.update_id < offset) updates.shift();
					const limit = Number(params.limit ?? 100);
					return answer(res, 200, { ok: true, result: updates.slice(0, limit) });
				}
				case 'sendMessage': {
					if (!params.chat_id || !params.text)
						return error(res, 400, 'Bad Request: message text is empty');
					const chatId = String(params.chat_id);
					fake.sent.push({ chatId, text: String(params.text), params });
					return answer(res, 200, {
						ok: true,
						result: {
							message_id: nextMessageId++,
							chat: { id: Number(chatId), type: 'private' },
							text: params.text
						}
					});
				}
				default:
					return error(res, 404, 'Not Found');
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		...fake,
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};
}

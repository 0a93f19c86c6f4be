import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { enqueueJob } from '../../jobs/queue';
import { enqueueDueSweeps, runJobsUntilIdle, runNextJob } from '../../jobs/runner';
import { fileStore } from '../../storage';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { startFakeTelegram, type FakeTelegram } from '../../test/fake-telegram';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { links } from '../links';
import { notify, setChannels, TELEGRAM_JOB } from '../notify';
import { callBot, TelegramError } from './client';
import { CODE_TTL_MS, hashCode } from './code';
import { getTelegramStatus } from './get-telegram-status';
import { registerTelegramSweep, TELEGRAM_UPDATES_JOB } from './jobs';
import { setTelegramSettings } from './settings';
import { startLinking } from './start-linking';
import { unlinkTelegram } from './unlink-telegram';
import { readBotUpdates } from './updates';

const t = useTestDatabase();
let fake: FakeTelegram;
let w: GroupWorld;
const base = 'https://ustat.example.kg';
const as = (actor: Actor, now = new Date()) => ctxOf(t.db, actor, now);
const files = fileStore();

beforeAll(async () => {
	fake = await startFakeTelegram();
	setChannels(() => ({ email: false, telegram: true }));
});
afterAll(async () => {
	setChannels(undefined);
	setTelegramSettings(undefined);
	await fake.close();
});
beforeEach(async () => {
	setTelegramSettings({ token: fake.token, apiUrl: fake.url, baseUrl: base, timeoutMs: 300 });
	fake.sent.length = 0;
	fake.calls.length = 0;
	await t.db.deleteFrom('jobs').execute();
	w = await makeGroupWorld(t.db);
});

let chats = 5000;
/** Links the person's account to a new chat through the bot, as they would. */
async function linkChat(actor: Actor): Promise<string> {
	const chatId = ++chats;
	const { code } = await startLinking(as(actor), {});
	fake.sendToBot(chatId, `/start ${code}`);
	await readBotUpdates(t.db, new Date());
	return String(chatId);
}

const link = (userId: string) =>
	t.db.selectFrom('telegramLinks').selectAll().where('userId', '=', userId).executeTakeFirst();

/** The member is mentioned by the leader: one notification, to Telegram if linked. */
async function mention(key = 'p1') {
	await notify(as(w.leader), {
		kind: 'post.mentioned',
		key,
		groupId: w.groupId,
		subject: 'Окуу сабаттуулугу <2-чейрек>',
		link: links.thread(w.groupId, 'thread1', key),
		userIds: [w.member.id]
	});
	return t.db
		.selectFrom('notifications')
		.selectAll()
		.where('userId', '=', w.member.id)
		.where('eventKey', '=', `post.mentioned:${key}`)
		.executeTakeFirstOrThrow();
}

const delivery = (notificationId: string) =>
	t.db
		.selectFrom('deliveries')
		.selectAll()
		.where('channel', '=', 'telegram')
		.where('key', '=', `notification:${notificationId}`)
		.executeTakeFirst();
const notification = (id: string) =>
	t.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const later = (ms: number) => new Date(Date.now() + ms);

describe('linking a Telegram chat', () => {
	it('a code from the settings, sent to the bot, links the chat and the bot says so', async () => {
		const now = new Date();
		const { code, expiresAt } = await startLinking(as(w.member, now), {});
		expect(code).toMatch(/^[A-Z2-9]{8}$/);
		expect(expiresAt.getTime() - now.getTime()).toBe(CODE_TTL_MS);
		// Only the code's hash is kept.
		const pending = await link(w.member.id);
		expect(pending?.codeHash).toBe(hashCode(code));
		expect(JSON.stringify(pending)).not.toContain(code);

		const status = await getTelegramStatus(as(w.member), { code });
		expect(status).toMatchObject({
			configured: true,
			botUsername: 'ustat_test_bot',
			linkedAt: null
		});
		expect(status.pending?.deepLink).toBe(`https://t.me/ustat_test_bot?start=${code}`);
		// Another browser (no code, or a wrong one) is not shown the code.
		expect((await getTelegramStatus(as(w.member), {})).pending).toBeNull();
		expect((await getTelegramStatus(as(w.leader), { code })).pending).toBeNull();

		const updateId = fake.sendToBot(7001, `/start ${code}`);
		expect(await readBotUpdates(t.db, new Date())).toBe(1);
		const linked = await link(w.member.id);
		expect(linked).toMatchObject({ chatId: '7001', codeHash: null, codeExpiresAt: null });
		expect(linked?.linkedAt).toBeInstanceOf(Date);
		expect(fake.sent).toHaveLength(1);
		expect(fake.sent[0]).toMatchObject({ chatId: '7001' });
		expect(fake.sent[0]!.text).toContain('туташтырылды');

		const after = await getTelegramStatus(as(w.member), { code });
		expect(after.linkedAt).toBeInstanceOf(Date);
		expect(after.pending).toBeNull();
		// The offset moved on: the same update is not read twice.
		expect(await readBotUpdates(t.db, new Date())).toBe(0);
		expect(fake.sent).toHaveLength(1);
		expect(fake.calls.filter((c) => c.method === 'getUpdates').at(-1)?.params.offset).toBe(
			updateId + 1
		);
	});

	it('the periodic sweep reads the bot (registered when a bot is configured)', async () => {
		registerTelegramSweep();
		const { code } = await startLinking(as(w.member), {});
		fake.sendToBot(7010, `/start ${code}`);
		await enqueueDueSweeps(t.db, new Date());
		const sweep = await t.db
			.selectFrom('jobs')
			.select(['kind', 'maxAttempts'])
			.executeTakeFirstOrThrow();
		expect(sweep).toEqual({ kind: TELEGRAM_UPDATES_JOB, maxAttempts: 1 });
		await runJobsUntilIdle(t.db, files);
		expect((await link(w.member.id))?.chatId).toBe('7010');
	});

	it('the reply is in the person’s language; the bare code works too', async () => {
		await t.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', w.member.id).execute();
		const { code } = await startLinking(as(w.member), {});
		fake.sendToBot(7002, code.toLowerCase(), 'en');
		await readBotUpdates(t.db, new Date());
		expect((await link(w.member.id))?.chatId).toBe('7002');
		expect(fake.sent[0]!.text).toContain('Готово');
	});

	it('an expired code links nothing and gets a polite answer; an unknown one too', async () => {
		const { code } = await startLinking(as(w.member), {});
		fake.sendToBot(7003, `/start ${code}`);
		await readBotUpdates(t.db, later(CODE_TTL_MS + 1000));
		expect(await link(w.member.id)).toMatchObject({ chatId: null, codeHash: null });
		expect(fake.sent[0]).toMatchObject({ chatId: '7003' });
		expect(fake.sent[0]!.text).toContain('мөөнөтү өтүп кетти');

		fake.sendToBot(7004, '/start ABCDEFGH', 'ru');
		fake.sendToBot(7005, '/start', 'en');
		fake.sendToBot(7006, 'салам');
		await readBotUpdates(t.db, new Date());
		expect(fake.sent.slice(1).map((s) => [s.chatId, s.text.slice(0, 20)])).toEqual([
			['7004', 'Такой код не найден.'],
			['7005', 'Hello! This is the b']
		]);
	});

	it('a failing Bot API loses no update: the next sweep reads it', async () => {
		const { code } = await startLinking(as(w.member), {});
		fake.sendToBot(7007, `/start ${code}`);
		fake.failNext('getUpdates', { kind: 'slow', ms: 600 });
		expect(await readBotUpdates(t.db, new Date())).toBe(0);
		expect((await link(w.member.id))?.chatId).toBeNull();
		expect(await readBotUpdates(t.db, new Date())).toBe(1);
		expect((await link(w.member.id))?.chatId).toBe('7007');
	});

	it('a second code replaces the first; unlinking forgets the chat', async () => {
		const first = await startLinking(as(w.member), {});
		const second = await startLinking(as(w.member), {});
		fake.sendToBot(7008, `/start ${first.code}`);
		await readBotUpdates(t.db, new Date());
		expect((await link(w.member.id))?.chatId).toBeNull();
		fake.sendToBot(7008, `/start ${second.code}`);
		await readBotUpdates(t.db, new Date());
		expect((await link(w.member.id))?.chatId).toBe('7008');

		await unlinkTelegram(as(w.member), {});
		expect(await link(w.member.id)).toBeUndefined();
		expect((await getTelegramStatus(as(w.member), {})).linkedAt).toBeNull();
		await unlinkTelegram(as(w.member), {}); // nothing linked: nothing happens
	});

	it('without a bot, the page says so and no code is made', async () => {
		setTelegramSettings({ token: undefined, apiUrl: fake.url, baseUrl: base });
		expect(await getTelegramStatus(as(w.member), {})).toEqual({
			configured: false,
			botUsername: null,
			linkedAt: null,
			pending: null
		});
		expect(await appError(startLinking(as(w.member), {}))).toMatchObject({
			code: 'conflict',
			messageKey: 'telegram_error_not_configured'
		});
		expect(await readBotUpdates(t.db, new Date())).toBe(0);
		expect(fake.calls).toHaveLength(0);
	});
});

describe('delivering notifications to Telegram', () => {
	it('a notification comes in the recipient’s language, with the group and an absolute link', async () => {
		await t.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', w.member.id).execute();
		const chatId = await linkChat(w.member);
		fake.sent.length = 0;
		const n = await mention();
		expect(n.hasTelegram).toBe(true);
		await runJobsUntilIdle(t.db, files);

		expect(fake.sent).toHaveLength(1);
		const { text, params } = fake.sent[0]!;
		expect(fake.sent[0]!.chatId).toBe(chatId);
		expect(params).toMatchObject({
			parse_mode: 'HTML',
			link_preview_options: { is_disabled: true }
		});
		expect(text).toContain('<b>Вас упомянули в обсуждении</b>');
		expect(text).toContain('Окуу сабаттуулугу &lt;2-чейрек&gt;');
		expect(text).toContain('Группа: Функционалдык сабаттуулук');
		expect(text).toContain(`href="${base}/groups/${w.groupId}/discussions/thread1#post-p1"`);
		expect((await notification(n.id)).telegrammedAt).toBeInstanceOf(Date);
		expect(await delivery(n.id)).toMatchObject({ status: 'sent', attempts: 1, error: null });
	});

	it('nobody unlinked or not choosing Telegram gets a message', async () => {
		const n = await mention();
		expect(n.hasTelegram).toBe(false);
		await runJobsUntilIdle(t.db, files);
		expect(fake.sent).toHaveLength(0);
	});

	it('a job run again never sends twice', async () => {
		await linkChat(w.member);
		fake.sent.length = 0;
		const n = await mention();
		await runJobsUntilIdle(t.db, files);
		// The same event again (a retried job, a twin on another instance), and a notification
		// marked as not yet sent although its delivery was (a crash between the two writes).
		await enqueueJob(t.db, TELEGRAM_JOB, { eventKey: n.eventKey });
		await t.db
			.updateTable('notifications')
			.set({ telegrammedAt: null })
			.where('id', '=', n.id)
			.execute();
		await enqueueJob(t.db, TELEGRAM_JOB, { eventKey: n.eventKey });
		await runJobsUntilIdle(t.db, files);
		expect(fake.sent).toHaveLength(1);
		expect((await notification(n.id)).telegrammedAt).toBeInstanceOf(Date);
	});

	it('429: waits as long as Telegram asks, then delivers once', async () => {
		await linkChat(w.member);
		fake.sent.length = 0;
		fake.failNext('sendMessage', { kind: 'rate_limited', retryAfter: 30 });
		const n = await mention();
		await runJobsUntilIdle(t.db, files);
		expect(fake.sent).toHaveLength(0);
		expect((await notification(n.id)).telegrammedAt).toBeNull();
		expect(await delivery(n.id)).toMatchObject({ status: 'queued' });
		const waiting = await t.db
			.selectFrom('jobs')
			.selectAll()
			.where('status', '=', 'queued')
			.executeTakeFirstOrThrow();
		expect(waiting.runAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
		// Not before its time…
		expect(await runNextJob(t.db, files, later(10_000))).toBe(false);
		// …and then once.
		expect(await runNextJob(t.db, files, later(31_000))).toBe(true);
		expect(fake.sent).toHaveLength(1);
		expect(await delivery(n.id)).toMatchObject({ status: 'sent', attempts: 2 });
	});

	it('a timeout is retried with backoff and delivered later', async () => {
		await linkChat(w.member);
		fake.sent.length = 0;
		fake.failNext('sendMessage', { kind: 'slow', ms: 600 });
		const n = await mention();
		await runJobsUntilIdle(t.db, files);
		expect(fake.sent).toHaveLength(0);
		const job = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
		expect(job).toMatchObject({ status: 'queued', attempts: 1 });
		expect(job.error).toMatch(/no answer in 300 ms/);
		expect(job.error).not.toContain(fake.token);
		expect(await runNextJob(t.db, files, later(6_000))).toBe(true);
		expect(fake.sent).toHaveLength(1);
		expect((await notification(n.id)).telegrammedAt).toBeInstanceOf(Date);
	});

	it('when every try fails, the message is recorded as failed, not lost silently', async () => {
		await linkChat(w.member);
		fake.sent.length = 0;
		fake.failNext('sendMessage', ...Array(5).fill({ kind: 'slow', ms: 400 }));
		const n = await mention();
		for (let i = 1; i <= 5; i++) await runNextJob(t.db, files, later(i * 60_000));
		const job = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
		expect(job).toMatchObject({ status: 'failed', attempts: 5 });
		expect(fake.sent).toHaveLength(0);
		expect(await delivery(n.id)).toMatchObject({ status: 'failed' });
		expect((await notification(n.id)).telegrammedAt).toBeInstanceOf(Date);
	});

	it('403 (the bot blocked): the chat is unlinked and the message marked failed', async () => {
		await linkChat(w.member);
		fake.sent.length = 0;
		fake.failNext('sendMessage', { kind: 'blocked' });
		const n = await mention();
		await runJobsUntilIdle(t.db, files);
		expect(await link(w.member.id)).toMatchObject({ chatId: null, linkedAt: null });
		expect(await delivery(n.id)).toMatchObject({ status: 'failed' });
		expect((await notification(n.id)).telegrammedAt).toBeInstanceOf(Date);
		expect(await t.db.selectFrom('jobs').select('status').execute()).toEqual([{ status: 'done' }]);
		// Later notifications no longer go there.
		expect((await mention('p2')).hasTelegram).toBe(false);
	});

	it('unlinked after the event: recorded as not sent', async () => {
		await linkChat(w.member);
		fake.sent.length = 0;
		const n = await mention();
		await unlinkTelegram(as(w.member), {});
		await runJobsUntilIdle(t.db, files);
		expect(fake.sent).toHaveLength(0);
		expect(await delivery(n.id)).toMatchObject({ status: 'failed', error: 'not linked' });
	});
});

describe('the Bot API client', () => {
	it('types the failures and never puts the token in a message', async () => {
		fake.failNext('getMe', { kind: 'rate_limited', retryAfter: 7 }, { kind: 'blocked' });
		const rateLimited = await callBot('getMe', {}).catch((e: unknown) => e);
		expect(rateLimited).toBeInstanceOf(TelegramError);
		expect(rateLimited).toMatchObject({ failure: 'rate_limited', retryAfter: 7, status: 429 });
		expect(await callBot('getMe', {}).catch((e: unknown) => e)).toMatchObject({
			failure: 'blocked'
		});
		setTelegramSettings({ token: '1:wrong', apiUrl: fake.url, baseUrl: base });
		expect(await callBot('getMe', {}).catch((e: unknown) => e)).toMatchObject({
			failure: 'unauthorized'
		});
		setTelegramSettings({ token: fake.token, apiUrl: 'http://127.0.0.1:1', baseUrl: base });
		const down = (await callBot('getMe', {}).catch((e: unknown) => e)) as TelegramError;
		expect(down.failure).toBe('network');
		expect(down.message).not.toContain(fake.token);
	});
});

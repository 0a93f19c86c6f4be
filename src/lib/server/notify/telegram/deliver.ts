import { newId } from '../../db/ids';
import type { DB, Job } from '../../db/types';
import { isLocale } from '../../../i18n/locale';
import { enqueueJob } from '../../jobs/queue';
import { JobFailure } from '../../jobs/runner';
import { log } from '../../log';
import { TELEGRAM_JOB } from '../notify';
import { sendMessage, TelegramError } from './client';
import { telegramText } from './message';
import { telegramSettings } from './settings';

// The job `notify.telegram` { eventKey }: sends each notification of the event that goes to
// Telegram, once. Every message is claimed in `deliveries` ('sending') before it is sent and
// marked 'sent' after, so a job run again (a retry, another instance, a chunk's twin) never
// sends it twice. What fails is retried (429: after the time Telegram asks; a timeout or a
// network fault: with the queue's backoff) or recorded as failed and logged: never dropped
// silently, and the notification is in the inbox whatever happens here.

export interface TelegramPayload {
	eventKey: string;
	/** How many times Telegram asked us to slow down for this event (429). */
	round?: number;
}

/** After this many 429s for one event, the queue's own retries take over. */
const MAX_RATE_LIMIT_ROUNDS = 10;
/** Renew the job's claim this often while sending a long list. */
const HEARTBEAT_EVERY = 25;

const deliveryKey = (notificationId: string) => `notification:${notificationId}`;
/** Who holds a 'sending' claim: the job, so that its own re-run knows the claim is its own. */
const holder = (job: Pick<Job, 'id'>) => `job:${job.id}`;

interface Pending {
	id: string;
	userId: string;
	kind: string;
	subject: string;
	link: string;
	locale: string;
	chatId: string | null;
	groupName: string | null;
}

function pendingOf(db: DB, eventKey: string) {
	return db
		.selectFrom('notifications as n')
		.innerJoin('users as u', 'u.id', 'n.userId')
		.leftJoin('telegramLinks as t', 't.userId', 'n.userId')
		.leftJoin('groups as g', 'g.id', 'n.groupId')
		.select([
			'n.id',
			'n.userId',
			'n.kind',
			'n.subject',
			'n.link',
			'u.locale',
			't.chatId',
			'g.name as groupName'
		])
		.where('n.eventKey', '=', eventKey)
		.where('n.hasTelegram', '=', true)
		.where('n.telegrammedAt', 'is', null)
		.orderBy('n.id')
		.execute() as Promise<Pending[]>;
}

type Claim = 'claimed' | 'done' | 'held';

/** Takes the right to send one notification, or says why not. */
async function claim(db: DB, job: Job, n: Pending, now: Date): Promise<Claim> {
	const key = deliveryKey(n.id);
	const inserted = await db
		.insertInto('deliveries')
		.values({
			id: newId(),
			channel: 'telegram',
			key,
			userId: n.userId,
			status: 'sending',
			attempts: 1,
			error: holder(job),
			createdAt: now,
			sentAt: null
		})
		.onConflict((oc) => oc.columns(['channel', 'key']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) return 'claimed';

	const existing = await db
		.selectFrom('deliveries')
		.select(['status', 'error', 'sentAt'])
		.where('channel', '=', 'telegram')
		.where('key', '=', key)
		.executeTakeFirstOrThrow();
	if (existing.status === 'sent' || existing.status === 'failed') {
		// Sent (or given up) by an earlier run that stopped before marking the notification.
		await markNotification(db, n.id, existing.sentAt ?? now);
		return 'done';
	}
	if (existing.status === 'queued') {
		// Given back by an earlier attempt that knows it did not send (429, timeout): ours now.
		const taken = await db
			.updateTable('deliveries')
			.set((eb) => ({ status: 'sending', error: holder(job), attempts: eb('attempts', '+', 1) }))
			.where('channel', '=', 'telegram')
			.where('key', '=', key)
			.where('status', '=', 'queued')
			.executeTakeFirst();
		return Number(taken.numUpdatedRows) === 1 ? 'claimed' : 'held';
	}
	if (existing.error === holder(job)) {
		// This job's earlier run stopped while sending: Telegram may have it. Not sent again.
		await finish(db, n, 'failed', 'outcome unknown: the worker stopped while sending', now);
		log.warn({ notification: n.id }, 'telegram message of a stopped job not sent again');
		return 'done';
	}
	return 'held'; // another job is sending it right now
}

function markNotification(db: DB, id: string, at: Date) {
	return db
		.updateTable('notifications')
		.set({ telegrammedAt: at })
		.where('id', '=', id)
		.where('telegrammedAt', 'is', null)
		.execute();
}

/** Records the outcome: nothing more to do by Telegram for this notification. */
async function finish(
	db: DB,
	n: Pick<Pending, 'id' | 'userId'>,
	status: 'sent' | 'failed',
	error: string | null,
	now: Date
): Promise<void> {
	await db
		.updateTable('deliveries')
		.set({ status, error, sentAt: status === 'sent' ? now : null })
		.where('channel', '=', 'telegram')
		.where('key', '=', deliveryKey(n.id))
		.execute();
	await markNotification(db, n.id, now);
}

/** Gives a claim back: not sent, to be tried again. */
function release(db: DB, n: Pending, error: string) {
	return db
		.updateTable('deliveries')
		.set({ status: 'queued', error })
		.where('channel', '=', 'telegram')
		.where('key', '=', deliveryKey(n.id))
		.where('status', '=', 'sending')
		.execute();
}

export async function deliverTelegram(
	db: DB,
	job: Job,
	heartbeat: () => Promise<boolean> = async () => true
): Promise<void> {
	const payload = JSON.parse(job.payload) as TelegramPayload;
	const settings = telegramSettings();
	const pending = await pendingOf(db, payload.eventKey);
	if (pending.length === 0) return;
	if (!settings.token) {
		// Telegram was turned off after the event: recorded, and the inbox still has them.
		await giveUp(db, job, pending, 'telegram is not configured');
		return;
	}

	let sent = 0;
	for (const n of pending) {
		const now = new Date();
		if ((await claim(db, job, n, now)) !== 'claimed') continue;
		if (!n.chatId) {
			await finish(db, n, 'failed', 'not linked', now);
			continue;
		}
		const locale = isLocale(n.locale) ? n.locale : 'ky';
		try {
			await sendMessage(n.chatId, telegramText(n, locale, settings.baseUrl), settings);
			await finish(db, n, 'sent', null, new Date());
		} catch (err) {
			if (!(err instanceof TelegramError)) {
				await release(db, n, String(err));
				throw err;
			}
			if ((await failed(db, payload, n, err)) === 'stop') return;
		}
		if (++sent % HEARTBEAT_EVERY === 0 && !(await heartbeat())) return;
	}
}

/** What a failure of one message means for it and for the rest of the event. */
async function failed(
	db: DB,
	payload: TelegramPayload,
	n: Pending,
	err: TelegramError
): Promise<'next' | 'stop'> {
	const now = new Date();
	switch (err.failure) {
		case 'blocked':
			// The person blocked the bot: their chat is gone, so it is unlinked.
			await db
				.updateTable('telegramLinks')
				.set({ chatId: null, linkedAt: null })
				.where('userId', '=', n.userId)
				.where('chatId', '=', n.chatId)
				.execute();
			await finish(db, n, 'failed', err.message, now);
			log.info({ userId: n.userId, notification: n.id }, 'telegram chat blocked the bot: unlinked');
			return 'next';
		case 'bad_request':
			await finish(db, n, 'failed', err.message, now);
			log.warn({ notification: n.id, message: err.message }, 'telegram refused a message');
			return 'next';
		case 'rate_limited': {
			// Telegram says when: the rest of the event waits that long, in a job of its own.
			await release(db, n, err.message);
			const round = (payload.round ?? 0) + 1;
			if (round > MAX_RATE_LIMIT_ROUNDS) throw new JobFailure(err.message, true);
			await enqueueJob(
				db,
				TELEGRAM_JOB,
				{ eventKey: payload.eventKey, round } satisfies TelegramPayload,
				{
					now,
					runAt: new Date(now.getTime() + (err.retryAfter ?? 5) * 1000),
					key: `${TELEGRAM_JOB}:${payload.eventKey}:later:${round}`,
					maxAttempts: 5
				}
			);
			log.warn({ eventKey: payload.eventKey, retryAfter: err.retryAfter }, 'telegram 429');
			return 'stop';
		}
		default:
			// Timeout, network, Telegram's side, a token refused: the queue tries again later.
			await release(db, n, err.message);
			throw new JobFailure(err.message, true);
	}
}

/** A job that failed for good: its event's messages still waiting are recorded as failed. */
export async function giveUp(
	db: DB,
	job: Job,
	pending?: Pending[],
	reason?: string
): Promise<void> {
	const payload = JSON.parse(job.payload) as TelegramPayload;
	const rows = pending ?? (await pendingOf(db, payload.eventKey));
	const now = new Date();
	const error = reason ?? job.error ?? 'gave up';
	let count = 0;
	for (const n of rows)
		if ((await claim(db, job, n, now)) === 'claimed') {
			await finish(db, n, 'failed', error, now);
			count++;
		}
	if (count > 0)
		log.error({ eventKey: payload.eventKey, count, error }, 'telegram messages not delivered');
}

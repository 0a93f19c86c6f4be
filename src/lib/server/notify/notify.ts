import { config } from '../config.js';
import type { DB } from '../db/types';
import { newId } from '../db/ids';
import { enqueueJob } from '../jobs/queue';
import {
	defaultTelegram,
	kindRule,
	type Audience,
	type EmailChoice,
	type NotificationKind
} from './kinds';

// The one place where what happened becomes notifications. A use case calls `notify` inside
// its own transaction, so a notification exists exactly when its change does. The recipients
// are computed here from membership and roles at that moment (kinds.ts says who), each gets
// one row per event (a retried call adds nothing), and delivery by email or Telegram is left
// to jobs: a slow mail server never slows the request.

export interface NotifyEvent {
	kind: NotificationKind;
	/** Names the event within its kind (a vote's id, `<material>:<version>`): told once per person. */
	key: string;
	groupId: string | null;
	/** The thing's name (the vote's question, the material's title): shown as it is, untranslated. */
	subject: string;
	/** The app path the notification opens (links.ts). */
	link: string;
	/** More values for the text: a date (YYYY-MM-DD), a decision's outcome code. */
	params?: Record<string, string>;
	/** For kinds told to named people: who. */
	userIds?: readonly string[];
	/** For kinds told to a material's authors. */
	materialId?: string;
	/** For kinds told to a vote's roll. */
	voteId?: string;
}

/** What notify needs of a use case's context; the actor is never told of their own act. */
export interface NotifyCtx {
	db: DB;
	now: Date;
	actor?: { id: string } | null;
}

/** Job kinds that deliver an event's notifications (registered by notify/email, notify/telegram). */
export const EMAIL_JOB = 'notify.email';
export const TELEGRAM_JOB = 'notify.telegram';

/** The delivery channels configured: SMTP_URL, TELEGRAM_BOT_TOKEN. Tests may set others. */
export interface Channels {
	email: boolean;
	telegram: boolean;
}
const configured = (): Channels => ({
	email: Boolean(config().smtpUrl),
	telegram: Boolean(config().telegramBotToken)
});
let channels: () => Channels = configured;
/** Tests turn channels on and off; `undefined` goes back to the configuration. */
export function setChannels(get: (() => Channels) | undefined): void {
	channels = get ?? configured;
}

/** Makes the event's notifications; returns how many people were told (for the first time). */
export async function notify(ctx: NotifyCtx, event: NotifyEvent): Promise<number> {
	const { db, now } = ctx;
	const rule = kindRule(event.kind);
	const eventKey = `${event.kind}:${event.key}`;
	let people = (await recipients(db, rule.audience, event)).filter((id) => id !== ctx.actor?.id);
	// A vote's roll and a material's authors were fixed earlier: whoever has left the group
	// since can no longer vote or open the material, so is not told.
	if (people.length > 0 && event.groupId && heldFromBefore.has(rule.audience)) {
		const current = new Set(
			(
				await db
					.selectFrom('groupMembers')
					.select('userId')
					.where('groupId', '=', event.groupId)
					.where('leftAt', 'is', null)
					.where('userId', 'in', people)
					.execute()
			).map((m) => m.userId)
		);
		people = people.filter((id) => current.has(id));
	}
	if (people.length === 0) return 0;

	const wanted = await db
		.selectFrom('users as u')
		.leftJoin('notificationPreferences as p', (j) =>
			j.onRef('p.userId', '=', 'u.id').on('p.kind', '=', event.kind)
		)
		.leftJoin('telegramLinks as t', 't.userId', 'u.id')
		.select(['u.id', 'u.schoolId', 'p.email', 'p.hasTelegram', 't.chatId'])
		.where('u.id', 'in', people)
		.where('u.isActive', '=', true)
		.execute();
	if (wanted.length === 0) return 0;

	const schoolId = event.groupId
		? ((
				await db
					.selectFrom('groups')
					.select('schoolId')
					.where('id', '=', event.groupId)
					.executeTakeFirst()
			)?.schoolId ?? null)
		: null;
	const params = JSON.stringify(event.params ?? {});
	const rows = wanted.map((w) => ({
		id: newId(),
		userId: w.id,
		kind: event.kind,
		eventKey,
		schoolId: schoolId ?? w.schoolId,
		groupId: event.groupId,
		actorId: ctx.actor?.id ?? null,
		subject: event.subject,
		link: event.link,
		params,
		createdAt: now,
		readAt: null,
		email: (w.email as EmailChoice | null) ?? rule.email,
		emailedAt: null,
		hasTelegram: w.chatId !== null && (w.hasTelegram ?? defaultTelegram(event.kind)),
		telegrammedAt: null
	}));
	// Kept in chunks: one statement per few hundred people stays under SQLite's parameter limit.
	let told = 0;
	for (let i = 0; i < rows.length; i += 500) {
		const inserted = await db
			.insertInto('notifications')
			.values(rows.slice(i, i + 500))
			.onConflict((oc) => oc.columns(['userId', 'eventKey']).doNothing())
			.returning(['id', 'email', 'hasTelegram'])
			.execute();
		told += inserted.length;
		const on = channels();
		if (on.email && inserted.some((r) => r.email === 'instant'))
			await enqueueJob(db, EMAIL_JOB, { eventKey }, { now, key: `${EMAIL_JOB}:${eventKey}:${i}` });
		if (on.telegram && inserted.some((r) => r.hasTelegram))
			await enqueueJob(
				db,
				TELEGRAM_JOB,
				{ eventKey },
				{ now, key: `${TELEGRAM_JOB}:${eventKey}:${i}`, maxAttempts: 5 }
			);
	}
	return told;
}

/** Audiences fixed before the event (a roll, a list of authors), checked against membership now. */
const heldFromBefore = new Set<Audience>(['authors', 'voters', 'non_voters']);

async function recipients(
	db: DB,
	audience: ReturnType<typeof kindRule>['audience'],
	event: NotifyEvent
): Promise<string[]> {
	const ids = (rows: { userId: string }[]) => rows.map((r) => r.userId);
	const members = (groupId: string) =>
		db
			.selectFrom('groupMembers')
			.select('userId')
			.where('groupId', '=', groupId)
			.where('leftAt', 'is', null);
	switch (audience) {
		case 'named':
			return [...new Set(event.userIds ?? [])];
		case 'leader':
			return event.groupId
				? ids(await members(event.groupId).where('role', '=', 'leader').execute())
				: [];
		case 'members':
			return event.groupId ? ids(await members(event.groupId).execute()) : [];
		case 'authors':
			return event.materialId
				? ids(
						await db
							.selectFrom('materialAuthors')
							.select('userId')
							.where('materialId', '=', event.materialId)
							.execute()
					)
				: [];
		case 'voters':
		case 'non_voters': {
			if (!event.voteId) return [];
			let roll = db
				.selectFrom('voteRoll as r')
				.select('r.userId')
				.where('r.voteId', '=', event.voteId);
			if (audience === 'non_voters')
				roll = roll.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom('ballots as b')
								.select('b.voterId')
								.whereRef('b.voteId', '=', 'r.voteId')
								.whereRef('b.voterId', '=', 'r.userId')
						)
					)
				);
			return ids(await roll.execute());
		}
	}
}

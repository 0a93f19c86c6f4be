import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { notify, type NotifyEvent } from '../../notify/notify';
import { links } from '../../notify/links';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { countUnread, UNREAD_SHOWN } from './count-unread';
import { notificationDetails } from './details';
import { asId } from '../ids';
import { INBOX_PAGE_SIZE, type NotificationId } from './input';
import { listInbox } from './list-inbox';
import { markAllRead } from './mark-all-read';
import { markRead } from './mark-read';
import { openNotification } from './open-notification';

const t = useTestDatabase();
let w: GroupWorld;
const as = (actor: Actor, now = new Date('2026-11-20T09:00:00Z')) => ctxOf(t.db, actor, now);
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, minute));

beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	// Building the world may already tell people things (an invitation): start from none.
	await t.db.deleteFrom('notifications').execute();
});

/** The leader mentions the member in a discussion at the given minute. */
const mention = (n: number, minute = n, to: Actor = w.member) =>
	notify({ db: t.db, now: at(minute), actor: w.leader }, {
		kind: 'post.mentioned',
		key: `post-${n}`,
		groupId: w.groupId,
		subject: `Талкуу №${n}`,
		link: links.thread(w.groupId, `thread-${n}`, `post-${n}`),
		userIds: [to.id]
	} satisfies NotifyEvent);

const idOf = async (subject: string) =>
	asId<NotificationId>(
		(
			await t.db
				.selectFrom('notifications')
				.select('id')
				.where('subject', '=', subject)
				.executeTakeFirstOrThrow()
		).id
	);

describe('the inbox', () => {
	it('lists the person’s own notifications, unread first and then the newest, with names', async () => {
		await mention(1);
		await mention(2);
		await mention(3);
		await mention(4, 4, w.scientist);
		await markRead(as(w.member), { notificationId: await idOf('Талкуу №3') });

		const inbox = await listInbox(as(w.member), {});
		expect(inbox.items.map((i) => [i.subject, i.isRead])).toEqual([
			['Талкуу №2', false],
			['Талкуу №1', false],
			['Талкуу №3', true]
		]);
		expect(inbox).toMatchObject({ unread: 2, total: 3, page: 1, pages: 1 });
		expect(inbox.items[0]).toMatchObject({
			kind: 'post.mentioned',
			labelKey: 'notify_kind_post_mentioned',
			groupName: 'Функционалдык сабаттуулук',
			actorName: 'Айгүл Өмүрбекова',
			createdAt: at(2)
		});
		// The scientist sees only their own.
		expect((await listInbox(as(w.scientist), {})).items.map((i) => i.subject)).toEqual([
			'Талкуу №4'
		]);
		expect(await listInbox(as(w.staff), {})).toMatchObject({ items: [], unread: 0, pages: 1 });
	});

	it('pages by 30, from the query string', async () => {
		for (let n = 1; n <= INBOX_PAGE_SIZE + 5; n++) await mention(n);
		const first = await listInbox(as(w.member), { page: '1' });
		expect(first.items).toHaveLength(INBOX_PAGE_SIZE);
		expect(first.items[0]!.subject).toBe(`Талкуу №${INBOX_PAGE_SIZE + 5}`);
		expect(first).toMatchObject({ total: INBOX_PAGE_SIZE + 5, pages: 2, unread: 35 });
		const second = await listInbox(as(w.member), { page: 2 });
		expect(second.items.map((i) => i.subject)).toEqual([5, 4, 3, 2, 1].map((n) => `Талкуу №${n}`));
		expect((await listInbox(as(w.member), { page: 3 })).items).toEqual([]);
		for (const page of ['0', 'x', '-1', '1.5', '100000'])
			expect((await appError(listInbox(as(w.member), { page }))).code).toBe('invalid');
	});

	it('counts the unread cheaply, up to 99 and one more', async () => {
		expect(await countUnread(as(w.member))).toBe(0);
		await mention(1);
		await mention(2);
		expect(await countUnread(as(w.member))).toBe(2);
		expect(await countUnread(as(w.leader))).toBe(0);
		await markRead(as(w.member), { notificationId: await idOf('Талкуу №1') });
		expect(await countUnread(as(w.member))).toBe(1);
		for (let n = 3; n <= UNREAD_SHOWN + 5; n++) await mention(n);
		expect(await countUnread(as(w.member))).toBe(UNREAD_SHOWN + 1);
	});

	it('marks one read once, or all; another person’s notification is not found', async () => {
		await mention(1);
		await mention(2);
		await mention(3, 3, w.scientist);
		const first = await idOf('Талкуу №1');
		const later = new Date('2026-11-21T09:00:00Z');
		await markRead(as(w.member), { notificationId: first });
		await markRead(as(w.member, later), { notificationId: first });
		const row = await t.db
			.selectFrom('notifications')
			.select('readAt')
			.where('id', '=', first)
			.executeTakeFirstOrThrow();
		// The first reading's time is kept.
		expect(row.readAt).toEqual(new Date('2026-11-20T09:00:00Z'));

		const theirs = await idOf('Талкуу №3');
		for (const actor of [w.member, w.leader, w.admin, w.otherAdmin]) {
			expect((await appError(markRead(as(actor), { notificationId: theirs }))).code).toBe(
				'not_found'
			);
			expect((await appError(openNotification(as(actor), { notificationId: theirs }))).code).toBe(
				'not_found'
			);
		}
		expect(
			(
				await appError(
					markRead(as(w.member), { notificationId: asId<NotificationId>('no-such-notification') })
				)
			).code
		).toBe('not_found');
		expect(await countUnread(as(w.scientist))).toBe(1);

		expect(await markAllRead(as(w.member))).toBe(1);
		expect(await markAllRead(as(w.member))).toBe(0);
		expect(await countUnread(as(w.member))).toBe(0);
		expect(await countUnread(as(w.scientist))).toBe(1);
	});

	it('opening one marks it read and gives the path of the thing, never another site', async () => {
		await mention(1);
		const id = await idOf('Талкуу №1');
		expect(await openNotification(as(w.member), { notificationId: id })).toBe(
			`/groups/${w.groupId}/discussions/thread-1#post-post-1`
		);
		expect(await countUnread(as(w.member))).toBe(0);
		// A link that is not a path of the app is not followed.
		for (const link of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
			await t.db
				.updateTable('notifications')
				.set({ link, readAt: null })
				.where('id', '=', id)
				.execute();
			expect(await openNotification(as(w.member), { notificationId: id })).toBe('/inbox');
		}
	});
});

describe('the values of a notification, as labels', () => {
	const tz = 'Asia/Bishkek';
	/** A notification of `kind` with `params` for the member, as the inbox lists it. */
	async function listed(kind: NotifyEvent['kind'], params: Record<string, string>) {
		// Written as notify() stores it; each kind's audience is notify's test, not this one's.
		await t.db.deleteFrom('notifications').execute();
		await t.db
			.insertInto('notifications')
			.values({
				id: newId(),
				userId: w.member.id,
				kind,
				eventKey: `${kind}:k`,
				schoolId: w.schoolId,
				groupId: w.groupId,
				actorId: null,
				subject: 'Нерсе',
				link: links.group(w.groupId),
				params: JSON.stringify(params),
				createdAt: at(1),
				email: 'off',
				hasTelegram: false
			})
			.execute();
		const [item] = (await listInbox(as(w.member), {})).items;
		return item!;
	}
	const lines = async (
		kind: NotifyEvent['kind'],
		params: Record<string, string>,
		locale: 'ky' | 'ru' | 'en' = 'ky'
	) => {
		const item = await listed(kind, params);
		return notificationDetails(item.kind, item.params, locale, tz);
	};

	it('a meeting: its day, time and place, each under its label', async () => {
		const params = { meetingId: 'x', date: '2026-11-27', time: '14:30', place: 'Китепкана' };
		// Audience "members": the member is told without being named.
		await t.db.deleteFrom('notifications').execute();
		await notify({ db: t.db, now: at(1), actor: w.leader }, {
			kind: 'meeting.scheduled',
			key: 'm',
			groupId: w.groupId,
			subject: '№ 3',
			link: links.group(w.groupId),
			params
		} satisfies NotifyEvent);
		const [item] = (await listInbox(as(w.member), {})).items;
		expect(item!.params).toEqual(params);
		const ky = notificationDetails(item!.kind, item!.params, 'ky', tz);
		expect(ky).toHaveLength(3);
		expect(ky[0]).toMatch(/^Күнү: .*2026.*27/);
		expect(ky.slice(1)).toEqual(['Убактысы: 14:30', 'Орду: Китепкана']);
		expect(notificationDetails(item!.kind, item!.params, 'ru', tz)).toEqual([
			'Дата: 27 ноября 2026 г.',
			'Время: 14:30',
			'Место: Китепкана'
		]);
		// No time, no place: only the day.
		expect(
			notificationDetails(
				'meeting.cancelled',
				{ date: '2026-11-27', time: '', place: '' },
				'en',
				tz
			)
		).toEqual(['Date: November 27, 2026']);
	});

	it('a vote: when it closes (in the school’s time zone) and its outcome', async () => {
		// 12:00 UTC is 18:00 in Bishkek.
		expect(await lines('vote.closing', { closesAt: '2026-11-25T12:00:00.000Z' }, 'en')).toEqual([
			'Closes: November 25, 2026 at 6:00 PM'
		]);
		expect(await lines('vote.opened', { closesAt: '' })).toEqual([]);
		expect(await lines('vote.closed', { outcome: 'accepted' })).toEqual([
			'Натыйжасы: Кабыл алынды'
		]);
		expect(await lines('vote.closed', { outcome: 'no_quorum' }, 'en')).toEqual([
			expect.stringMatching(/^Outcome: /)
		]);
		// An unknown code is left out, never shown raw.
		expect(await lines('vote.closed', { outcome: '<b>' })).toEqual([]);
	});

	it('a plan item’s due day, an edition’s number, the teacher of a membership change', async () => {
		expect(await lines('plan.due', { date: '2026-12-01' }, 'ru')).toEqual([
			'Срок: 1 декабря 2026 г.'
		]);
		expect((await lines('plan.overdue', { date: '2026-12-01' }))[0]).toMatch(/^Мөөнөтү: /);
		expect(await lines('plan.overdue', { date: 'soon' })).toEqual([]);
		expect(await lines('edition.compiled', { number: '2' })).toEqual(['Басылыш: №2']);
		expect(await lines('group.member_left', { person: 'Нурлан Үсөнов' })).toEqual([
			'Мугалим: Нурлан Үсөнов'
		]);
		// Kinds without values of their own have no lines.
		expect(await lines('post.mentioned', {})).toEqual([]);
	});
});

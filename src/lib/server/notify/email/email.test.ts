import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { config } from '../../config.js';
import { setMailServer } from '../../mail';
import { runNextJob } from '../../jobs/runner';
import { fileStore } from '../../storage';
import { ctxOf } from '../../test/context';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { freePort } from '../../test/server';
import { startTestSmtp, type TestSmtp } from '../../test/smtp';
import { useTestDatabase } from '../../test/vitest';
import { appError } from '../../test/expect-error';
import { anonymousCtxOf } from '../../test/context';
import { notify, setChannels, type NotifyEvent } from '../notify';
import { links } from '../links';
import { kindLabel } from './compose';
import { buildDigests, sendDigests } from './digest';
import { requeueStuck } from './jobs';
import { sendEventEmails } from './send-instant';
import { readUnsubscribeToken, unsubscribeToken } from './tokens';
import { unsubscribe } from '../preferences/unsubscribe';
import { saveNotificationSettings } from '../preferences/save-notification-settings';
import { getNotificationSettings } from '../preferences/get-notification-settings';

const t = useTestDatabase();
let smtp: TestSmtp;
let w: GroupWorld;

beforeAll(async () => {
	smtp = await startTestSmtp({ reject: (address) => address.startsWith('bounce') });
});
afterAll(async () => {
	setMailServer(undefined);
	setChannels(undefined);
	await smtp.stop();
});

beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	// Whatever building the world told people is not this test's business.
	await t.db.deleteFrom('notifications').execute();
	await t.db.deleteFrom('jobs').execute();
	await t.db.deleteFrom('deliveries').execute();
	await t.db.deleteFrom('notificationPreferences').execute();
	await t.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', w.member.id).execute();
	await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', w.scientist.id).execute();
	smtp.mails.length = 0;
	setMailServer(smtp.url);
	setChannels(() => ({ email: true, telegram: false }));
});
afterEach(() => setMailServer(undefined));

const files = fileStore();
/** Runs every job due by `at` (later: retries whose backoff has passed). */
async function runJobs(at = new Date()) {
	let count = 0;
	while (await runNextJob(t.db, files, at)) count++;
	return count;
}

const meetingEvent = (
	kind: 'meeting.scheduled' | 'meeting.changed' | 'meeting.cancelled',
	suffix = ''
): NotifyEvent => ({
	kind,
	key: `m1${suffix}`,
	groupId: w.groupId,
	subject: '№3 отурум',
	link: links.meeting(w.groupId, 'm1'),
	params: { meetingId: 'm1', date: '2026-12-10', time: '15:00', place: '12-кабинет <A&B>' }
});

/** The unfolded lines of an iCalendar text, as name → value (the first of each name). */
function parseIcs(text: string): Map<string, string> {
	const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
	const map = new Map<string, string>();
	for (const line of lines) {
		const at = line.indexOf(':');
		if (at > 0 && !map.has(line.slice(0, at))) map.set(line.slice(0, at), line.slice(at + 1));
	}
	return map;
}

/** A header as it came over the wire (mailparser reads List-* headers into objects). */
const header = (mail: ParsedMail, name: string) =>
	mail.headerLines
		.find((h) => h.key === name)
		?.line.replace(/^[^:]+:\s*/, '')
		.replace(/\r?\n\s+/g, ' ');

describe('instant mail', () => {
	it('is written in each recipient’s language, with unsubscribe headers, text, HTML and an .ics', async () => {
		await notify(ctxOf(t.db, w.admin), meetingEvent('meeting.scheduled'));
		await runJobs();
		expect(smtp.mails).toHaveLength(3); // leader, member, scientist (not the admin who acted)

		const ky = smtp.to(w.leader.email)[0]!;
		const ru = smtp.to(w.member.email)[0]!;
		const en = smtp.to(w.scientist.email)[0]!;
		expect(ky.subject).toBe(`${kindLabel('meeting.scheduled', 'ky')}: «№3 отурум»`);
		expect(ru.subject).toBe(`${kindLabel('meeting.scheduled', 'ru')}: «№3 отурум»`);
		expect(ky.subject).not.toBe(ru.subject);
		expect(ru.text).toContain('Группа: Функционалдык сабаттуулук');
		expect(ru.text).toContain('Место: 12-кабинет <A&B>');
		expect(en.text).toContain('Group: Функционалдык сабаттуулук');
		expect(en.text).toContain('Date: December 10, 2026');
		expect(ky.text).toContain('Топ: Функционалдык сабаттуулук');
		// The HTML escapes what people typed.
		expect(en.html).toContain('12-кабинет &lt;A&amp;B&gt;');
		expect(en.html).toContain('lang="en"');

		expect(ky.from?.text).toContain('no-reply@localhost');
		const unsubscribeHeader = header(ky, 'list-unsubscribe');
		expect(unsubscribeHeader!).toMatch(new RegExp(`^<${config().baseUrl}/unsubscribe/[\\w.-]+>$`));
		expect(header(ky, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		const token = /\/unsubscribe\/([\w.-]+)>/.exec(unsubscribeHeader!)![1]!;
		expect(readUnsubscribeToken(token!)).toEqual({
			userId: w.leader.id,
			scope: 'meeting.scheduled'
		});
		expect(ky.text).toContain('/profile/notifications');
		expect(ky.text).toContain(`/groups/${w.groupId}/meetings/m1`);

		const ics = en.attachments.find((a) => a.contentType === 'text/calendar')!;
		const event = parseIcs(ics.content.toString('utf8'));
		expect(event.get('METHOD')).toBe('REQUEST');
		expect(event.get('UID')).toBe(`meeting-m1@${new URL(config().baseUrl).hostname}`);
		expect(event.get('DTSTART;TZID=Asia/Bishkek')).toBe('20261210T150000');
		expect(event.get('TZOFFSETTO')).toBe('+0600');
		expect(event.get('LOCATION')).toContain('12-кабинет');
		expect(event.get('STATUS')).toBe('CONFIRMED');
	});

	it('cancels the same calendar event with a higher sequence', async () => {
		await notify(
			ctxOf(t.db, w.admin, new Date('2026-12-01T10:00:00Z')),
			meetingEvent('meeting.scheduled')
		);
		await notify(
			ctxOf(t.db, w.admin, new Date('2026-12-02T10:00:00Z')),
			meetingEvent('meeting.cancelled', '-c')
		);
		await runJobs();
		const [first, second] = smtp
			.to(w.member.email)
			.map((m) => parseIcs(m.attachments[0]!.content.toString('utf8')));
		expect(second!.get('METHOD')).toBe('CANCEL');
		expect(second!.get('STATUS')).toBe('CANCELLED');
		expect(second!.get('UID')).toBe(first!.get('UID'));
		expect(Number(second!.get('SEQUENCE'))).toBeGreaterThan(Number(first!.get('SEQUENCE')));
	});

	it('is sent once however often the job runs, and never again after a crash', async () => {
		const event = meetingEvent('meeting.changed');
		await notify(ctxOf(t.db, w.admin), event);
		// A worker sent the leader's mail and died before marking it: its claim stays.
		const leaderNote = await t.db
			.selectFrom('notifications')
			.select('id')
			.where('userId', '=', w.leader.id)
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('deliveries')
			.values({
				id: `crash-${leaderNote.id}`,
				channel: 'email',
				key: `notification:${leaderNote.id}`,
				userId: w.leader.id,
				status: 'sending',
				attempts: 1,
				error: null,
				createdAt: new Date(),
				sentAt: null
			})
			.execute();
		await runJobs();
		await sendEventEmails(t.db, 'meeting.changed:m1');
		await sendEventEmails(t.db, 'meeting.changed:m1');
		expect(smtp.mails).toHaveLength(2);
		expect(smtp.to(w.leader.email)).toHaveLength(0);
		const statuses = await t.db.selectFrom('deliveries').select('status').execute();
		expect(statuses.map((d) => d.status).sort()).toEqual(['sending', 'sent', 'sent']);
	});

	it('waits while the mail server is down and is sent when it is back, nothing lost', async () => {
		setMailServer(`smtp://127.0.0.1:${await freePort()}`);
		await notify(ctxOf(t.db, w.admin), meetingEvent('meeting.scheduled'));
		await runJobs();
		const job = await t.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
		expect(job.status).toBe('queued'); // retried later, with backoff
		expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
		const waiting = await t.db
			.selectFrom('notifications')
			.select('id')
			.where('emailedAt', 'is', null)
			.execute();
		expect(waiting).toHaveLength(3);
		expect(await t.db.selectFrom('deliveries').select('id').execute()).toHaveLength(0);

		setMailServer(smtp.url);
		await runJobs(new Date(Date.now() + 60_000));
		expect(smtp.mails).toHaveLength(3);
	});

	it('is enqueued again by the sweep after its job gave up', async () => {
		setMailServer(`smtp://127.0.0.1:${await freePort()}`);
		const then = new Date(Date.now() - 30 * 60_000);
		await notify(ctxOf(t.db, w.admin, then), meetingEvent('meeting.scheduled'));
		await runJobs();
		await runJobs(new Date(Date.now() + 60_000));
		expect((await t.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status).toBe(
			'failed'
		);
		setMailServer(smtp.url);
		await requeueStuck(t.db, new Date(), 'sweep-1');
		await requeueStuck(t.db, new Date(), 'sweep-1'); // the same sweep twice: one job
		await runJobs();
		expect(smtp.mails).toHaveLength(3);
	});

	it('gives up on an address the server refuses for good, and is not retried', async () => {
		await t.db
			.updateTable('users')
			.set({ email: 'bounce@test.kg' })
			.where('id', '=', w.member.id)
			.execute();
		await notify(ctxOf(t.db, w.admin), meetingEvent('meeting.scheduled'));
		await runJobs();
		await runJobs(new Date(Date.now() + 60_000));
		expect(smtp.mails).toHaveLength(2);
		const failed = await t.db
			.selectFrom('deliveries')
			.selectAll()
			.where('status', '=', 'failed')
			.executeTakeFirstOrThrow();
		expect(failed.userId).toBe(w.member.id);
		expect(failed.error).toMatch(/550/);
		expect((await t.db.selectFrom('jobs').select('status').executeTakeFirstOrThrow()).status).toBe(
			'done'
		);
	});
});

describe('digests', () => {
	// 2026-12-07 is a Monday; Bishkek is UTC+6.
	const mondayAt = (hour: number) => new Date(Date.UTC(2026, 11, 7, hour - 6));
	const tuesday8 = new Date('2026-12-08T02:00:00Z');

	async function dailyNews(at: Date) {
		for (const [i, subject] of ['Биринчи', 'Экинчи'].entries())
			await notify(ctxOf(t.db, w.leader, at), {
				kind: 'proposal.in_discussion',
				key: `p${i}`,
				groupId: w.groupId,
				subject,
				link: links.proposal(w.groupId, `p${i}`)
			});
		await notify(ctxOf(t.db, w.admin, at), {
			kind: 'publication.published',
			key: 'pub1',
			groupId: null,
			subject: 'Жарыяланган иш',
			link: links.publication('abc'),
			userIds: [w.member.id]
		});
	}

	it('sends one mail per person with all their items, from 07:00, once', async () => {
		await dailyNews(mondayAt(5));
		await runJobs(); // nothing instant
		expect(smtp.mails).toHaveLength(0);
		expect(await buildDigests(t.db, mondayAt(6))).toHaveLength(0); // before 07:00

		const sent = await sendDigests(t.db, mondayAt(8));
		expect(sent.sent).toBe(2); // member and scientist (the leader acted)
		const ru = smtp.to(w.member.email);
		expect(ru).toHaveLength(1);
		expect(ru[0]!.subject).toBe('Сводка за день (3)');
		expect(ru[0]!.text).toContain('Биринчи');
		expect(ru[0]!.text).toContain('Экинчи');
		expect(ru[0]!.text).toContain('Группа: Функционалдык сабаттуулук');
		expect(ru[0]!.text).toContain('Группа: Общее');
		expect(ru[0]!.html).toContain('Жарыяланган иш');
		expect(header(ru[0]!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(smtp.to(w.scientist.email)[0]!.subject).toBe('Daily digest (2)');

		expect((await sendDigests(t.db, mondayAt(9))).sent).toBe(0);
		expect((await sendDigests(t.db, tuesday8)).sent).toBe(0); // nothing new
		expect(smtp.mails).toHaveLength(2);
		const keys = await t.db.selectFrom('deliveries').select('key').execute();
		expect(keys.map((k) => k.key)).toContain(`digest:daily:${w.member.id}:2026-12-07`);
	});

	it('sends the weekly digest on Monday morning only', async () => {
		await saveNotificationSettings(ctxOf(t.db, w.member), {
			settings: [{ kind: 'proposal.in_discussion', email: 'weekly' }]
		});
		await dailyNews(new Date('2026-12-02T05:00:00Z'));
		await t.db.deleteFrom('notifications').where('userId', '!=', w.member.id).execute();
		await sendDigests(t.db, new Date('2026-12-03T05:00:00Z')); // Thursday: the daily one
		expect(smtp.mails.map((m) => m.subject)).toEqual(['Сводка за день (1)']);
		await sendDigests(t.db, new Date('2026-12-05T05:00:00Z')); // Saturday: nothing
		await sendDigests(t.db, mondayAt(8));
		await sendDigests(t.db, mondayAt(10));
		expect(smtp.mails.map((m) => m.subject)).toEqual([
			'Сводка за день (1)',
			'Сводка за неделю (2)'
		]);
	});

	it('keeps a digest for later when the mail server is down', async () => {
		await dailyNews(mondayAt(5));
		setMailServer(`smtp://127.0.0.1:${await freePort()}`);
		expect((await sendDigests(t.db, mondayAt(8))).postponed).toBe(true);
		expect(await t.db.selectFrom('deliveries').select('id').execute()).toHaveLength(0);
		setMailServer(smtp.url);
		expect((await sendDigests(t.db, mondayAt(8))).sent).toBe(2);
	});
});

describe('settings and unsubscribe', () => {
	it('stores only what differs from the defaults', async () => {
		const ctx = ctxOf(t.db, w.member);
		await saveNotificationSettings(ctx, {
			settings: [
				{ kind: 'vote.opened', email: 'instant', telegram: true },
				{ kind: 'vote.closed', email: 'weekly' },
				{ kind: 'post.mentioned', email: 'off' }
			]
		});
		const rows = await t.db
			.selectFrom('notificationPreferences')
			.select(['kind', 'email'])
			.where('userId', '=', w.member.id)
			.orderBy('kind')
			.execute();
		expect(rows).toEqual([
			{ kind: 'post.mentioned', email: 'off' },
			{ kind: 'vote.closed', email: 'weekly' }
		]);
		const settings = await getNotificationSettings(ctx);
		const votes = settings.areas.find((a) => a.area === 'votes')!.kinds;
		expect(votes.find((k) => k.kind === 'vote.closed')!.email).toBe('weekly');
		expect(settings.telegramLinked).toBe(false);
		// The leader's settings are untouched.
		const leaders = await getNotificationSettings(ctxOf(t.db, w.leader));
		expect(leaders.areas.flatMap((a) => a.kinds).every((k) => k.email === k.defaultEmail)).toBe(
			true
		);
		// A bad choice is a field error, nothing saved.
		const error = await appError(
			saveNotificationSettings(ctx, {
				settings: [{ kind: 'vote.opened', email: 'sometimes' as 'off' }]
			})
		);
		expect(error.code).toBe('invalid');
	});

	it('turns a kind off by a signed link, and holds back what waited', async () => {
		await notify(ctxOf(t.db, w.admin), {
			kind: 'vote.closed',
			key: 'v1',
			groupId: w.groupId,
			subject: 'Суроо',
			link: links.vote(w.groupId, 'v1')
		});
		const token = unsubscribeToken(w.member.id, 'vote.closed');
		await unsubscribe(anonymousCtxOf(t.db), { token });
		await unsubscribe(anonymousCtxOf(t.db), { token }); // twice: the same
		const pref = await t.db
			.selectFrom('notificationPreferences')
			.selectAll()
			.where('userId', '=', w.member.id)
			.execute();
		expect(pref.map((p) => [p.kind, p.email])).toEqual([['vote.closed', 'off']]);
		expect(
			(await buildDigests(t.db, new Date('2026-12-07T03:00:00Z'))).map((d) => d.userId)
		).not.toContain(w.member.id);

		await unsubscribe(anonymousCtxOf(t.db), { token: unsubscribeToken(w.leader.id, 'all') });
		const leaderPrefs = await t.db
			.selectFrom('notificationPreferences')
			.select('email')
			.where('userId', '=', w.leader.id)
			.execute();
		expect(leaderPrefs).toHaveLength(30);
		expect(new Set(leaderPrefs.map((p) => p.email))).toEqual(new Set(['off']));
	});

	it('refuses a forged or broken link and changes nothing', async () => {
		const good = unsubscribeToken(w.member.id, 'all');
		const forged = `${Buffer.from(`${w.leader.id}|all`).toString('base64url')}.${good.split('.')[1]}`;
		for (const token of [forged, 'nonsense', `${good}x`, '', 'a.b.c'])
			expect((await appError(unsubscribe(anonymousCtxOf(t.db), { token }))).code).toBe('not_found');
		expect(
			await t.db.selectFrom('notificationPreferences').select('userId').execute()
		).toHaveLength(0);
	});
});

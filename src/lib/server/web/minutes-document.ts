import { collator } from '../../i18n/format';
import { documentDate } from '../../i18n/document-date';
import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import type { Ctx } from '../domain/context';
import type { GetMeetingInput } from '../domain/meetings/input';
import { getMeeting } from '../domain/meetings/get-meeting';
import { meetingDecisions, type DecisionLogEntry } from '../domain/votes/list-decisions';
import { isWithheld, leaders, type TallyLine } from '../domain/votes/tally';
import { minutesDocx, type MinutesVote } from '../export/minutes-docx';
import { translate } from './i18n';

// A meeting's minutes as the DOCX a school prints, every word in the asked language: the
// route's work, kept here so a test can build the same document on a real database.

type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

const OUTER_QUOTES = /^[«"“](.*)[»"”]$/s;

/**
 * The heading's lines. A group whose name already says it is a group («…чыгармачыл тобу»,
 * «Творческая группа …») is not called a group twice: its name itself is declined.
 */
export function minutesHeading(groupName: string, number: number, locale: Locale): string[] {
	const t: Translate = (key, params) => translate(key, params, locale);
	const name = groupName.trim().replace(OUTER_QUOTES, '$1').trim();
	let heading = t('minutes_heading', { group: name, number });
	if (locale === 'ky' && /тобу$/iu.test(name))
		// «…чыгармачыл тобу» → «…чыгармачыл тобунун отурумунун»: the genitive of «тобу» is fixed.
		heading = t('minutes_heading_named', { group: `${name}нун`, number });
	else if (locale === 'ru' && /^творческая группа\s/iu.test(name))
		heading = t('minutes_heading_named', {
			group: name.replace(/^творческая группа/iu, 'творческой группы'),
			number
		});
	else if (locale === 'en' && /\bgroup\b/iu.test(name))
		heading = t('minutes_heading_named', { group: name, number });
	return heading.split('\n');
}

const percent = (value: number, locale: Locale) =>
	new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);

/** A decision by vote in protocol style: «Добуш берүүнүн жыйынтыгы: «макул» — 3, …». */
export function protocolVote(entry: DecisionLogEntry, locale: Locale): MinutesVote {
	const t: Translate = (key, params) => translate(key, params, locale);
	const option = (line: TallyLine) => (line.code ? t(`minutes_vote_${line.code}`) : line.label);
	const withheld = isWithheld(entry.lines);
	const counts = entry.lines.map((line) =>
		t('minutes_vote_count', { option: option(line), count: line.count })
	);
	const quorum =
		withheld || entry.quorumPercent === null
			? ''
			: t(entry.isQuorumMet ? 'minutes_vote_quorum_met' : 'minutes_vote_quorum_not_met', {
					percent: percent(entry.quorumPercent, locale)
				});
	const top = leaders(entry.lines);
	const outcome = withheld
		? t('ballot_outcome_too_few')
		: entry.outcome !== 'chosen'
			? t(`minutes_outcome_${entry.outcome}`)
			: top.length === 0
				? t('minutes_outcome_chosen_none')
				: t('minutes_outcome_chosen', {
						options: top
							.map((line) => t('minutes_vote_option', { option: option(line) }))
							.join(', ')
					});
	return {
		number: entry.number,
		question: entry.question,
		wording: entry.text,
		tally: withheld
			? t('ballot_tally_withheld')
			: `${t('minutes_vote_tally')}: ${counts.join(', ')}.`,
		turnout: [
			t('minutes_vote_turnout', { roll: entry.rollCount, count: entry.participantCount }),
			quorum
		]
			.filter(Boolean)
			.join(' '),
		outcome
	};
}

/** The minutes of one meeting as a DOCX, and the file's name, in `locale`. */
export async function minutesDocument(
	ctx: Ctx,
	input: GetMeetingInput,
	locale: Locale
): Promise<{ docx: Buffer; filename: string; asciiName: string }> {
	const t: Translate = (key, params) => translate(key, params, locale);
	const view = await getMeeting(ctx, input);
	const { meeting } = view;
	const decisions = await meetingDecisions(ctx.db, input.groupId, input.meetingId);
	const order = collator(locale);
	const names = (status: string) =>
		view.attendees
			.filter((a) => a.status === status)
			.map((a) => a.fullName)
			.sort(order.compare);
	const docx = await minutesDocx(
		{
			language: locale,
			schoolName: view.schoolName,
			city: view.city,
			date: documentDate(meeting.heldOn, locale),
			time: meeting.startTime,
			place: meeting.place || null,
			onlineLink: meeting.onlineLink || null,
			chair: view.chairName,
			secretary: view.secretaryName,
			present: names('present'),
			absent: names('absent'),
			excused: names('excused'),
			invited: meeting.invited || null,
			agenda: view.agenda.map((item) => ({ ...item, speaker: item.speaker || null })),
			notes: meeting.notes,
			decisions: meeting.decisions,
			votes: decisions.map((entry) => protocolVote(entry, locale))
		},
		{
			title: t('minutes_number', { number: meeting.number }),
			heading: minutesHeading(view.groupName, meeting.number, locale),
			time: t('minutes_time'),
			place: t('minutes_place'),
			online: t('minutes_online'),
			chair: t('minutes_chair'),
			secretary: t('minutes_secretary'),
			present: t('minutes_present'),
			absent: t('minutes_absent'),
			excused: t('minutes_excused'),
			invited: t('minutes_invited'),
			agenda: t('minutes_agenda'),
			speaker: t('minutes_speaker'),
			heard: t('minutes_heard').toLocaleUpperCase(locale),
			spoke: t('minutes_spoke').toLocaleUpperCase(locale),
			decided: t('minutes_decided').toLocaleUpperCase(locale),
			notes: t('minutes_notes'),
			decisions: t('minutes_decisions'),
			signature: t('minutes_signature'),
			votes: t('minutes_decisions_by_vote'),
			voteTitle: (number) => t('decision_title', { number })
		}
	);
	return {
		docx,
		filename: `${t('minutes_file', { number: meeting.number })}-${meeting.heldOn}.docx`,
		asciiName: `minutes-${meeting.number}.docx`
	};
}

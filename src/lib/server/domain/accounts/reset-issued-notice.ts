import { config } from '../../config.js';
import { formatDateTime } from '../../../i18n/format';
import { isLocale } from '../../../i18n/locale';
import * as m from '../../../paraglide/messages.js';
import type { DB } from '../../db/types';
import { sendMail, type OutgoingMail } from '../../mail';
import { notify } from '../../notify/notify';

// The person hears whenever an admin issues them a password-reset link (issue 16): whoever
// holds the link can sign in as them, so an unexpected one must not go unnoticed. In the
// inbox, and by email whatever the person chose for notifications: a security notice.

interface Person {
	id: string;
	email: string;
	locale: string;
}

/** The in-app notice, made in the issuing transaction (one per link). */
export async function notifyResetIssued(
	db: DB,
	input: { person: Person; actor: { id: string; fullName: string }; resetKey: string; now: Date }
): Promise<void> {
	await notify(
		{ db, now: input.now, actor: input.actor },
		{
			kind: 'account.reset_issued',
			key: input.resetKey,
			groupId: null,
			subject: input.actor.fullName,
			link: '/profile',
			userIds: [input.person.id]
		}
	);
}

/** The email notice, in the person's language. Names and dates are labels (Kyrgyz rules). */
export function resetIssuedMail(input: {
	person: Person;
	issuedBy: string;
	issuedAt: Date;
}): OutgoingMail {
	const locale = isLocale(input.person.locale) ? input.person.locale : 'ky';
	const o = { locale };
	const when = formatDateTime(input.issuedAt, locale, config().timeZone);
	return {
		to: input.person.email,
		subject: m.operator_reset_notice_subject({}, o),
		text: [
			m.operator_reset_notice_intro({}, o),
			'',
			`${m.operator_reset_notice_when({}, o)}: ${when}`,
			`${m.operator_reset_notice_by({}, o)}: ${input.issuedBy}`,
			'',
			m.operator_reset_notice_advice({}, o),
			'',
			`${config().baseUrl}/signin`
		].join('\n')
	};
}

/** Sends the email notice; never throws (a mail server that is down loses no admin action). */
export async function sendResetIssuedMail(input: {
	person: Person;
	issuedBy: string;
	issuedAt: Date;
}): Promise<boolean> {
	try {
		return await sendMail(resetIssuedMail(input));
	} catch {
		return false;
	}
}

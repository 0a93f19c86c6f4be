import { config } from '../../config.js';
import type { Locale } from '../../../i18n/locale';
import * as m from '../../../paraglide/messages.js';
import type { OutgoingMail } from '../../mail';
import { quotedSubject, subjectText } from '../../mail-subject';

// Emails of the accounts module, in the recipient's language.

export function invitationUrl(token: string): string {
	return `${config().baseUrl}/invite/${token}`;
}

export function resetUrl(token: string): string {
	return `${config().baseUrl}/reset/${token}`;
}

export function invitationMail(input: {
	to: string;
	schoolName: string;
	/** A group's invitation: its name, which its leader chose, goes into the subject quoted. */
	groupName?: string;
	url: string;
	locale: Locale;
	days: number;
}): OutgoingMail {
	const options = { locale: input.locale };
	const inviter = input.groupName
		? `${input.schoolName} — ${quotedSubject(input.groupName)}`
		: input.schoolName;
	return {
		to: input.to,
		// Names typed by people, bounded and on one line (see subjectText).
		subject: m.mail_invitation_subject({ school: subjectText(inviter, 140) }, options),
		text: m.mail_invitation_body({ school: inviter, url: input.url, days: input.days }, options)
	};
}

export function resetMail(input: {
	to: string;
	url: string;
	locale: Locale;
	hours: number;
}): OutgoingMail {
	const options = { locale: input.locale };
	return {
		to: input.to,
		subject: m.mail_reset_subject({}, options),
		text: m.mail_reset_body({ url: input.url, hours: input.hours }, options)
	};
}

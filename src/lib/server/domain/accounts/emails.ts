import { config } from '../../config.js';
import type { Locale } from '../../../i18n/locale';
import * as m from '../../../paraglide/messages.js';
import type { OutgoingMail } from '../../mail';

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
	url: string;
	locale: Locale;
	days: number;
}): OutgoingMail {
	const options = { locale: input.locale };
	return {
		to: input.to,
		subject: m.mail_invitation_subject({ school: input.schoolName }, options),
		text: m.mail_invitation_body(
			{ school: input.schoolName, url: input.url, days: input.days },
			options
		)
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

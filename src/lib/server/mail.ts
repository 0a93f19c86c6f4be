import nodemailer, { type Transporter } from 'nodemailer';
import { config } from './config.js';
import { log } from './log';

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
}

let transport: Transporter | null | undefined;

/** True when SMTP_URL is set: links can then go by email as well as on screen. */
export function mailEnabled(): boolean {
	return Boolean(config().smtpUrl);
}

/**
 * Sends one email; returns false (and logs) instead of throwing, so a mail server that is
 * down never loses what the user did: the link is still shown on screen.
 */
export async function sendMail(mail: OutgoingMail): Promise<boolean> {
	const { smtpUrl, mailFrom } = config();
	if (!smtpUrl) return false;
	transport ??= nodemailer.createTransport({
		url: smtpUrl,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 20_000
	});
	try {
		await transport.sendMail({ from: mailFrom, ...mail });
		return true;
	} catch (error) {
		log.warn({ err: error, to: mail.to }, 'mail not sent');
		return false;
	}
}

import nodemailer, { type Transporter } from 'nodemailer';
import { config } from './config.js';
import { log } from './log';

export interface MailAttachment {
	filename: string;
	content: string | Buffer;
	contentType: string;
}

export interface OutgoingMail {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
	headers?: Record<string, string>;
	attachments?: MailAttachment[];
}

/**
 * What became of one mail. `temporary`: the server could not be reached or answered 4xx —
 * try again later. `permanent`: the server refused it for good (5xx: no such mailbox, a
 * bounced address) — trying again sends nothing.
 */
export type MailOutcome =
	| { sent: true }
	| { sent: false; permanent: boolean; error: string }
	| { sent: false; disabled: true };

let transport: Transporter | null | undefined;
/** Tests point mail at their own SMTP server (or at a dead port); undefined: the configuration. */
let smtpOverride: { url: string | undefined } | undefined;

const smtpUrl = () => (smtpOverride ? smtpOverride.url : config().smtpUrl);

/** True when SMTP_URL is set: links can then go by email as well as on screen. */
export function mailEnabled(): boolean {
	return Boolean(smtpUrl());
}

/**
 * Tests: send to this SMTP server (`null`: mail off), or back to SMTP_URL with `undefined`.
 * The cached transport is dropped either way, so the next mail connects afresh.
 */
export function setMailServer(url: string | null | undefined): void {
	smtpOverride = url === undefined ? undefined : { url: url ?? undefined };
	transport?.close();
	transport = undefined;
}

function transporter(url: string): Transporter {
	transport ??= nodemailer.createTransport({
		url,
		// A vote opened in a group is dozens of mails at once: kept connections, not one each.
		pool: true,
		maxConnections: 2,
		maxMessages: 200,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 20_000
	});
	return transport;
}

/** 5xx from the server is final; everything else (no connection, 4xx, a timeout) may pass later. */
function isPermanent(error: unknown): boolean {
	const code = (error as { responseCode?: unknown }).responseCode;
	return typeof code === 'number' && code >= 500 && code < 600;
}

/** Sends one mail and says precisely what happened; never throws. */
export async function deliverMail(mail: OutgoingMail): Promise<MailOutcome> {
	const url = smtpUrl();
	if (!url) return { sent: false, disabled: true };
	try {
		await transporter(url).sendMail({ from: config().mailFrom, ...mail });
		return { sent: true };
	} catch (error) {
		const permanent = isPermanent(error);
		const message = error instanceof Error ? error.message : String(error);
		log.warn({ err: error, to: mail.to, permanent }, 'mail not sent');
		return { sent: false, permanent, error: message.slice(0, 500) };
	}
}

/**
 * Sends one email; returns false (and logs) instead of throwing, so a mail server that is
 * down never loses what the user did: the link is still shown on screen.
 */
export async function sendMail(mail: OutgoingMail): Promise<boolean> {
	return (await deliverMail(mail)).sent;
}

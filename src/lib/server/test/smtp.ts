import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server for tests: every mail it accepts is parsed and kept. */
export interface TestSmtp {
	/** smtp://127.0.0.1:port, for setMailServer or SMTP_URL. */
	url: string;
	mails: ParsedMail[];
	/** Mails sent to this address (the To header). */
	to(address: string): ParsedMail[];
	/** Waits until at least `count` mails arrived (a server sends them in the background). */
	waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
	stop(): Promise<void>;
}

export async function startTestSmtp(
	options: {
		/** Recipients refused with 550 (a bounced address). */
		reject?: (address: string) => boolean;
	} = {}
): Promise<TestSmtp> {
	const mails: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (options.reject?.(address.address)) {
				const error = new Error('5.1.1 No such mailbox') as Error & { responseCode: number };
				error.responseCode = 550;
				return callback(error);
			}
			callback();
		},
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					mails.push(mail);
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	const addresses = (mail: ParsedMail) =>
		[mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		to: (address) => mails.filter((m) => addresses(m).includes(address.toLowerCase())),
		async waitFor(count, timeoutMs = 15_000) {
			const until = Date.now() + timeoutMs;
			while (mails.length < count) {
				if (Date.now() > until)
					throw new Error(`expected ${count} mails, got ${mails.length} in ${timeoutMs} ms`);
				await new Promise((r) => setTimeout(r, 50));
			}
			return mails;
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

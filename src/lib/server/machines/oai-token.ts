import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

// OAI-PMH resumption tokens: where a list stopped and what it was asked for, so the next
// page needs nothing from the server's memory. Opaque to harvesters; signed so that a token
// that was cut, changed or made up is refused as badResumptionToken instead of being read.
// The records are public, so the signature guards integrity, not secrecy.

const payload = z
	.object({
		v: z.literal(1),
		/** ListIdentifiers (I) or ListRecords (R): a token is good for the verb that made it. */
		k: z.enum(['I', 'R']),
		m: z.string().max(64),
		s: z
			.string()
			.max(200)
			.regex(/^[a-z0-9-]+$/)
			.optional(),
		f: z.iso.datetime().optional(),
		u: z.iso.datetime().optional(),
		/** The last record sent: its datestamp and id. */
		d: z.iso.datetime(),
		i: z.string().min(1).max(64),
		/** Records sent before the next page. */
		c: z.number().int().min(0),
		/** The list's size when it was counted. */
		n: z.number().int().min(0).optional()
	})
	.strict();

export type TokenPayload = z.output<typeof payload>;

const sign = (key: string, body: string) =>
	createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url');

export function makeToken(key: string, data: TokenPayload): string {
	const body = Buffer.from(JSON.stringify(data)).toString('base64url');
	return `${body}.${sign(key, body)}`;
}

/** The token's contents, or null when it is not one of ours, intact. */
export function readToken(key: string, token: string): TokenPayload | null {
	const match = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{22})$/.exec(token);
	if (!match) return null;
	const [, body, signature] = match as unknown as [string, string, string];
	const expected = Buffer.from(sign(key, body));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	try {
		const parsed = payload.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

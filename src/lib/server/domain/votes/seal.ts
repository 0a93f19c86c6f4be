import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { AppError } from '../../errors';

// Secret ballots (§3.3): the database keeps who took part, never what they chose in the
// clear. Each choice is sealed with AES-256-GCM under a key derived from the ballot key
// (kept outside the database and DATA_DIR: BALLOT_KEY or keys/ballot.key) and the vote; the
// voter's id is bound in, so a sealed ballot cannot be moved to someone else. Closing the
// vote counts the ballots and wipes the seals: from then on nobody, with or without the key,
// can tell who chose what. Until then the server unseals only to count, and to show voters
// their own choice (not to a session an admin's reset link may have opened: see get-vote.ts).

export interface BallotSeal {
	seal(voteId: string, voterId: string, optionIds: string[]): string;
	open(voteId: string, voterId: string, sealed: string): string[];
}

/** Every sealed ballot has the same length, whatever was chosen and however many. */
const PADDED_BYTES = 1024;

export function ballotSeal(masterKey: Buffer): BallotSeal {
	if (masterKey.length < 32) throw new Error('The ballot key must have at least 32 bytes');
	const keyOf = (voteId: string) =>
		createHmac('sha256', masterKey).update(`ballot:${voteId}`).digest();
	return {
		seal(voteId, voterId, optionIds) {
			const plain = Buffer.from(JSON.stringify(optionIds).padEnd(PADDED_BYTES, ' '));
			const iv = randomBytes(12);
			const cipher = createCipheriv('aes-256-gcm', keyOf(voteId), iv);
			cipher.setAAD(Buffer.from(voterId));
			const body = Buffer.concat([cipher.update(plain), cipher.final()]);
			return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
		},
		open(voteId, voterId, sealed) {
			try {
				const bytes = Buffer.from(sealed, 'base64');
				const decipher = createDecipheriv('aes-256-gcm', keyOf(voteId), bytes.subarray(0, 12));
				decipher.setAAD(Buffer.from(voterId));
				decipher.setAuthTag(bytes.subarray(12, 28));
				const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
				const choices: unknown = JSON.parse(plain.toString());
				if (!Array.isArray(choices) || !choices.every((c) => typeof c === 'string'))
					throw new Error('not a ballot');
				return choices;
			} catch {
				// A changed ballot key (or a tampered row): counting must stop, not guess.
				throw new AppError('conflict', 'error_ballot_unreadable');
			}
		}
	};
}

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ballotSeal } from './seal';

describe('sealed secret ballots', () => {
	const seal = ballotSeal(randomBytes(32));

	it('opens only for the same vote and voter, and hides how many were chosen', () => {
		const one = seal.seal('vote-1', 'voter-1', ['opt-a']);
		const three = seal.seal('vote-1', 'voter-1', ['opt-a', 'opt-b', 'opt-c']);
		expect(seal.open('vote-1', 'voter-1', one)).toEqual(['opt-a']);
		expect(seal.open('vote-1', 'voter-1', three)).toEqual(['opt-a', 'opt-b', 'opt-c']);
		expect(one.length).toBe(three.length);
		expect(one).not.toContain('opt-a');
		// The same choice sealed twice looks different: equal ballots cannot be matched.
		expect(seal.seal('vote-1', 'voter-2', ['opt-a'])).not.toBe(
			seal.seal('vote-1', 'voter-2', ['opt-a'])
		);
		for (const [vote, voter] of [
			['vote-2', 'voter-1'],
			['vote-1', 'voter-2']
		])
			expect(() => seal.open(vote!, voter!, one)).toThrow(/error_ballot_unreadable/);
	});

	it('another key cannot open it, and a short key is refused', () => {
		const sealed = seal.seal('v', 'p', ['x']);
		expect(() => ballotSeal(randomBytes(32)).open('v', 'p', sealed)).toThrow(
			/error_ballot_unreadable/
		);
		expect(() => ballotSeal(randomBytes(16))).toThrow();
	});
});

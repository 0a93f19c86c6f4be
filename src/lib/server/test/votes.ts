import { randomBytes } from 'node:crypto';
import { ballotSeal } from '../domain/votes/seal';

/** A ballot seal with a fresh key, as a deployment's BALLOT_KEY would give. */
export const testSeal = () => ballotSeal(randomBytes(32));

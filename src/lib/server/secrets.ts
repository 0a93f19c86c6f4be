import path from 'node:path';
import { config } from './config.js';
import { keyFile } from './key-file';
import { ballotSeal, type BallotSeal } from './domain/votes/seal';

let seal: BallotSeal | undefined;

/**
 * The process's seal for secret ballots. Its key is kept outside the database (BALLOT_KEY, or
 * DATA_DIR/ballot.key made on first use, readable by the app's user only), so a database
 * dump or export never holds what it takes to read a ballot.
 */
export function ballots(): BallotSeal {
	seal ??= ballotSeal(config().ballotKey ?? keyFile(path.join(config().dataDir, 'ballot.key')));
	return seal;
}

export { keyFile };

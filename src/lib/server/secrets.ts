import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from './config.js';
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

/** Reads the key file, or makes it; two processes starting at once agree on one key. */
export function keyFile(file: string): Buffer {
	try {
		return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	mkdirSync(path.dirname(file), { recursive: true });
	try {
		writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

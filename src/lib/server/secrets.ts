import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { config } from './config.js';
import { keyFile } from './key-file';
import { ballotSeal, type BallotSeal } from './domain/votes/seal';

let seal: BallotSeal | undefined;
let key: Buffer | undefined;

/**
 * The ballot key: BALLOT_KEY, or KEY_DIR/ballot.key made on first use (folder 700, file 600).
 * KEY_DIR is a folder of its own, not inside DATA_DIR, so copying the data folder for a
 * backup never takes the key along with the ballots it opens.
 */
export function ballotKey(): Buffer {
	key ??=
		config().ballotKey ??
		movedKeyFile(
			path.join(config().keyDir, 'ballot.key'),
			path.join(config().dataDir, 'ballot.key')
		);
	return key;
}

/**
 * The process's seal for secret ballots. Its key is kept outside the database and outside
 * DATA_DIR (see ballotKey), so a database dump or a data backup never holds what it takes to
 * read a ballot.
 */
export function ballots(): BallotSeal {
	seal ??= ballotSeal(ballotKey());
	return seal;
}

/**
 * Reads a key file, first moving it from where earlier versions kept it (DATA_DIR), so an
 * install that upgrades while a secret vote is open can still count that vote's ballots.
 * Both present and different: refuse to guess which key sealed the open ballots.
 */
export function movedKeyFile(file: string, legacy: string): Buffer {
	if (existsSync(legacy)) {
		const old = readFileSync(legacy, 'utf8').trim();
		// Written whole and linked into place (key-file.ts) before the old file goes.
		if (!keyFile(file, old).equals(Buffer.from(old, 'base64')))
			throw new Error(
				`Two different ballot keys: ${legacy} and ${file}. Keep the one that sealed the open ` +
					`votes' ballots (usually ${legacy}) as ${file}, and remove the other.`
			);
		try {
			unlinkSync(legacy);
		} catch (error) {
			// Another process starting at the same time moved it first.
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	return keyFile(file);
}

export { keyFile };

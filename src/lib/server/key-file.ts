import { randomBytes } from 'node:crypto';
import {
	closeSync,
	constants,
	copyFileSync,
	existsSync,
	fsyncSync,
	linkSync,
	mkdirSync,
	openSync,
	readFileSync,
	unlinkSync,
	writeSync
} from 'node:fs';
import path from 'node:path';

// Keys kept outside the database (the ballot seal's, the signing key of links in mail): a file
// of their own, made on first use, readable by the app's user only. Imports nothing of the app,
// so any module may use it.

/**
 * Reads the key file, or makes it (with `initial`, a base64 key to keep, or else a new random
 * one). The key is written whole to a file of its own and then linked into place, which fails
 * if another process got there first: nobody ever reads a half-written key, and two processes
 * starting at once agree on one. A folder it makes is the app's user's only (700).
 */
export function keyFile(file: string, initial?: string): Buffer {
	if (!existsSync(file)) {
		mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
		const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
		// On disk before it is used: a power cut must not leave an empty key behind ballots.
		const fd = openSync(draft, 'wx', 0o600);
		try {
			writeSync(fd, `${initial ?? randomBytes(32).toString('base64')}\n`);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		try {
			linkSync(draft, file);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			// A file system without hard links: an exclusive copy instead.
			if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') copyExclusive(draft, file);
			else if (code !== 'EEXIST') throw error;
		} finally {
			unlinkSync(draft);
		}
	}
	return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

function copyExclusive(from: string, to: string): void {
	try {
		copyFileSync(from, to, constants.COPYFILE_EXCL);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
}

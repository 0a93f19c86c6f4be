// @ts-check
// What the app writes (the database, stored files, keys, logs) is readable by its own
// account only: folders 700, files 600, whatever the umask of the shell that started it.
import fs from 'node:fs';

/**
 * Sets the process umask to 077 and closes the data folders that already exist (a folder
 * made by an older version, or by hand, may be 755). Folders not there yet are left to be
 * made, under the umask, by whoever needs them.
 * @param {string[]} dirs
 */
export function restrictFileModes(dirs) {
	process.umask(0o077);
	for (const dir of dirs) {
		try {
			fs.chmodSync(dir, 0o700);
		} catch (err) {
			if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'ENOENT') throw err;
		}
	}
}

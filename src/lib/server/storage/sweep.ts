import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Removes temporary files older than `maxAgeMs` from the given folders: uploads and writes
 * a crash left half-done. Run at start; a missing folder is simply skipped.
 */
export async function sweepTemporaryFiles(
	folders: string[],
	maxAgeMs = 24 * 60 * 60 * 1000,
	now = Date.now()
): Promise<number> {
	let removed = 0;
	for (const folder of folders) {
		const names = await fs.readdir(folder).catch(() => [] as string[]);
		for (const name of names) {
			const file = path.join(folder, name);
			const stat = await fs.stat(file).catch(() => null);
			if (!stat?.isFile() || now - stat.mtimeMs < maxAgeMs) continue;
			await fs.rm(file, { force: true });
			removed++;
		}
	}
	return removed;
}

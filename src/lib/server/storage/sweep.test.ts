import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepTemporaryFiles } from './sweep';

describe('sweeping temporary files', () => {
	it('removes only files older than the age limit, and skips missing folders', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-sweep-'));
		const old = path.join(dir, 'old-upload');
		const fresh = path.join(dir, 'fresh-upload');
		fs.writeFileSync(old, 'x');
		fs.writeFileSync(fresh, 'y');
		const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
		fs.utimesSync(old, dayAgo, dayAgo);
		expect(await sweepTemporaryFiles([dir, path.join(dir, 'missing')])).toBe(1);
		expect(fs.readdirSync(dir)).toEqual(['fresh-upload']);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFile } from './secrets';

describe('the ballot key file', () => {
	it('is made once, 32 random bytes readable by the app only, with no draft left behind', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-key-'));
		const file = path.join(dir, 'nested', 'ballot.key');
		const first = keyFile(file);
		expect(first).toHaveLength(32);
		expect(keyFile(file).equals(first)).toBe(true);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.readdirSync(path.dirname(file))).toEqual(['ballot.key']);
		// Another process made it first: its key is the one used.
		const other = path.join(dir, 'other.key');
		fs.writeFileSync(other, `${Buffer.alloc(32, 7).toString('base64')}\n`);
		expect(keyFile(other).equals(Buffer.alloc(32, 7))).toBe(true);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

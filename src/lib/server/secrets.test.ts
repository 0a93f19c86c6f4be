import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ballotSeal } from './domain/votes/seal';
import { keyFile, movedKeyFile } from './secrets';

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

describe('the ballot key folder', () => {
	it('moves a ballot key kept in DATA_DIR by earlier versions: open ballots stay readable', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-keys-'));
		const dataDir = path.join(root, 'data');
		const legacy = path.join(dataDir, 'ballot.key');
		fs.mkdirSync(dataDir);
		// An install of an earlier version: the key beside the database, a secret vote open.
		const old = keyFile(legacy);
		const sealed = ballotSeal(old).seal('vote-1', 'voter-1', ['option-a']);

		const file = path.join(root, 'keys', 'ballot.key');
		const moved = movedKeyFile(file, legacy);
		expect(moved.equals(old)).toBe(true);
		expect(ballotSeal(moved).open('vote-1', 'voter-1', sealed)).toEqual(['option-a']);
		// Gone from the data folder (and so from its backups), kept apart, the app's only.
		expect(fs.existsSync(legacy)).toBe(false);
		expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		// The next start reads it where it is now.
		expect(movedKeyFile(file, legacy).equals(old)).toBe(true);
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('makes a new key in the key folder, never in DATA_DIR', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-keys-'));
		const legacy = path.join(root, 'data', 'ballot.key');
		const file = path.join(root, 'keys', 'ballot.key');
		expect(movedKeyFile(file, legacy)).toHaveLength(32);
		expect(fs.existsSync(file)).toBe(true);
		expect(fs.existsSync(path.dirname(legacy))).toBe(false);
		fs.rmSync(root, { recursive: true, force: true });
	});

	it('refuses to guess when both folders hold different keys', () => {
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-keys-'));
		const legacy = path.join(root, 'data', 'ballot.key');
		const file = path.join(root, 'keys', 'ballot.key');
		keyFile(legacy);
		keyFile(file);
		expect(() => movedKeyFile(file, legacy)).toThrow(/Two different ballot keys/);
		expect(fs.existsSync(legacy)).toBe(true);
		fs.rmSync(root, { recursive: true, force: true });
	});
});

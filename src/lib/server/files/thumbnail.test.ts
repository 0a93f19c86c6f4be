import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThumbnail } from './thumbnail';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'thumb-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

async function saved(name: string, bytes: Uint8Array | string): Promise<string> {
	const file = path.join(dir, name);
	await writeFile(file, bytes);
	return file;
}

const picture = (width: number, height: number) =>
	sharp({ create: { width, height, channels: 3, background: '#2a6' } });

describe('makeThumbnail', () => {
	it('fits a large photo into 320×320 as WebP', async () => {
		const file = await saved('big.jpg', await picture(2000, 1000).jpeg().toBuffer());
		const thumb = await makeThumbnail(file);
		expect(thumb).not.toBeNull();
		const meta = await sharp(thumb!).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 320, height: 160 });
	});

	it('does not enlarge a small image', async () => {
		const thumb = await makeThumbnail(
			await saved('small.png', await picture(40, 30).png().toBuffer())
		);
		expect(await sharp(thumb!).metadata()).toMatchObject({ width: 40, height: 30 });
	});

	it('turns a photo upright by its EXIF orientation', async () => {
		// Stored 600×300 with orientation 6 ("rotate 90° clockwise to view"): shown 300×600.
		const jpeg = await picture(600, 300).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		const thumb = await makeThumbnail(await saved('rotated.jpg', jpeg));
		expect(await sharp(thumb!).metadata()).toMatchObject({ width: 160, height: 320 });
	});

	it('takes the first frame of an animated GIF', async () => {
		const gif = await sharp({
			create: { width: 50, height: 50 * 3, channels: 4, background: '#f00' }
		})
			.gif()
			.toBuffer();
		const thumb = await makeThumbnail(await saved('anim.gif', gif));
		expect(thumb).not.toBeNull();
	});

	it('returns null for a pixel bomb instead of decoding it', async () => {
		// A small PNG whose header claims 20 000 × 20 000 pixels (400 MP).
		const bomb = await picture(16, 16).png().toBuffer();
		bomb.writeUInt32BE(20_000, 16); // IHDR width
		bomb.writeUInt32BE(20_000, 20); // IHDR height
		bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29); // IHDR checksum
		expect(bomb.length).toBeLessThan(1024);
		const started = performance.now();
		expect(await makeThumbnail(await saved('bomb.png', bomb))).toBeNull();
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it.each([
		['text', 'notes.png', 'just text'],
		['SVG', 'logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'],
		['an empty file', 'empty.jpg', ''],
		['a truncated JPEG', 'cut.jpg', 'JPEG']
	])('returns null for %s', async (_label, name, content) => {
		const bytes =
			content === 'JPEG' ? (await picture(200, 200).jpeg().toBuffer()).subarray(0, 300) : content;
		expect(await makeThumbnail(await saved(name, bytes))).toBeNull();
	});

	it('returns null for a missing file', async () => {
		expect(await makeThumbnail(path.join(dir, 'nope.png'))).toBeNull();
	});
});

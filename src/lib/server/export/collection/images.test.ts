import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_SIDE, normalizeImage, normalizeImages } from './images.js';

const solid = (width: number, height: number, channels: 3 | 4) =>
	sharp({
		create: {
			width,
			height,
			channels,
			background: channels === 4 ? { r: 10, g: 120, b: 200, alpha: 0.5 } : { r: 200, g: 80, b: 20 }
		}
	});

describe('normalizeImage', () => {
	it('turns WebP and GIF into JPEG, or PNG when transparent', async () => {
		const opaque = await normalizeImage(await solid(300, 200, 3).webp().toBuffer());
		expect(opaque).toMatchObject({ ext: 'jpg', width: 300, height: 200 });
		expect((await sharp(opaque?.bytes).metadata()).format).toBe('jpeg');

		const transparent = await normalizeImage(await solid(300, 200, 4).webp().toBuffer());
		expect(transparent).toMatchObject({ ext: 'png', width: 300, height: 200 });
		expect((await sharp(transparent?.bytes).metadata()).format).toBe('png');

		const gif = await normalizeImage(await solid(40, 30, 3).gif().toBuffer());
		expect(gif?.ext === 'jpg' || gif?.ext === 'png').toBe(true);
	});

	it('shrinks to the long side and turns the picture upright', async () => {
		const wide = await normalizeImage(await solid(4000, 1000, 3).jpeg().toBuffer());
		expect(wide).toMatchObject({ width: MAX_IMAGE_SIDE, height: 400 });
		// EXIF orientation 6: the stored 400 × 200 picture is shown 200 × 400.
		const rotated = await normalizeImage(
			await solid(400, 200, 3).jpeg().withMetadata({ orientation: 6 }).toBuffer()
		);
		expect(rotated).toMatchObject({ width: 200, height: 400 });
		// Small pictures are not enlarged.
		expect(await normalizeImage(await solid(20, 10, 3).png().toBuffer())).toMatchObject({
			width: 20,
			height: 10
		});
	});

	it('drops what it cannot decode, and counts it', async () => {
		expect(await normalizeImage(new TextEncoder().encode('not a picture'))).toBeNull();
		const svg = new TextEncoder().encode(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
		);
		expect(await normalizeImage(svg)).toBeNull();
		const truncated = (await solid(200, 200, 3).png().toBuffer()).subarray(0, 60);
		const { images, dropped } = await normalizeImages([
			['a', new Uint8Array(truncated)],
			['b', await solid(10, 10, 3).png().toBuffer()],
			['c', new Uint8Array(0)]
		]);
		expect([...images.keys()]).toEqual(['b']);
		expect(dropped).toBe(2);
	});
});

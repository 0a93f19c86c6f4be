import sharp from 'sharp';

/** Thumbnails fit in this box (CSS shows them at half size on dense screens). */
const THUMB_SIZE = 320;
/** Larger images are refused before decoding: a tiny file can declare a gigantic canvas. */
const MAX_INPUT_PIXELS = 50_000_000;
/** The raster formats we accept as uploads; sharp would also render SVG, PDF and more. */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);

/**
 * A small WebP preview of the image at `path`, turned upright by its EXIF orientation; the
 * first frame of an animation. Null when it cannot be made (not a JPEG, PNG, WebP or GIF,
 * damaged, too many pixels): a missing thumbnail must never fail an upload.
 */
export async function makeThumbnail(path: string): Promise<Uint8Array | null> {
	try {
		const image = sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
		const { format } = await image.metadata();
		if (!format || !FORMATS.has(format)) return null;
		const output = await image
			.rotate()
			.resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 75 })
			.toBuffer();
		return new Uint8Array(output.buffer, output.byteOffset, output.byteLength);
	} catch {
		return null;
	}
}

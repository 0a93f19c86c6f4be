// Pictures of an edition, normalized once for both renderers: upright, at most 1600 px on the
// long side, PNG when they have transparency and JPEG otherwise (Word can't hold WebP). A
// picture that can't be decoded is left out and counted; it never fails the document.
import sharp from 'sharp';

export interface NormalizedImage {
	bytes: Uint8Array;
	width: number;
	height: number;
	/** 'svg' only for a chart handed to the PDF (charts.ts); pictures are always raster. */
	ext: 'png' | 'jpg' | 'svg';
}

/** The long side of a normalized picture, in pixels. */
export const MAX_IMAGE_SIDE = 1600;
/**
 * Larger pictures are refused before decoding. 10 000 × 10 000 passes: JPEG and WebP shrink
 * while they load and PNG is read line by line, so the memory stays small.
 */
export const MAX_INPUT_PIXELS = 120_000_000;
const JPEG_QUALITY = 82;
const RASTER = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif']);

/** The picture normalized, or null when it can't be decoded (or isn't a raster picture). */
export async function normalizeImage(input: Uint8Array): Promise<NormalizedImage | null> {
	const options = {
		limitInputPixels: MAX_INPUT_PIXELS,
		sequentialRead: true,
		failOn: 'error' as const
	};
	try {
		const meta = await sharp(input, options).metadata();
		if (!meta.format || !RASTER.has(meta.format)) return null;
		const pipeline = sharp(input, { ...options, autoOrient: true })
			.timeout({ seconds: 30 })
			.resize({
				width: MAX_IMAGE_SIDE,
				height: MAX_IMAGE_SIDE,
				fit: 'inside',
				withoutEnlargement: true
			})
			.toColourspace('srgb');
		const ext = meta.hasAlpha ? 'png' : 'jpg';
		const encoded =
			ext === 'png'
				? pipeline.png({ compressionLevel: 6 })
				: pipeline.jpeg({ quality: JPEG_QUALITY });
		const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
		if (!info.width || !info.height) return null;
		return { bytes: new Uint8Array(data), width: info.width, height: info.height, ext };
	} catch {
		return null;
	}
}

/**
 * Normalizes every picture (one at a time, to keep the memory flat). Pictures that can't be
 * decoded are missing from `images` and counted in `dropped`.
 */
export async function normalizeImages(
	inputs: Iterable<[key: string, bytes: Uint8Array]>
): Promise<{ images: Map<string, NormalizedImage>; dropped: number }> {
	const images = new Map<string, NormalizedImage>();
	let dropped = 0;
	for (const [key, bytes] of inputs) {
		const image = await normalizeImage(bytes);
		if (image) images.set(key, image);
		else dropped++;
	}
	return { images, dropped };
}

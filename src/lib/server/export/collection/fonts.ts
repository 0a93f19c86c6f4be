// The fonts the collection documents use: PT Serif (body) and PT Sans (headings), the TTF
// files of the @expo-google-fonts packages. Every path into those packages is made here and
// nowhere else (fonts.test.ts fails if a package update moves or drops a file). Resolved from
// this module's location, which works both from the sources and from the bundled worker.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type FontFamily = 'pt-serif' | 'pt-sans';
export const fontFamilies: readonly FontFamily[] = ['pt-serif', 'pt-sans'];

/** The directory of a font package, which Typst searches (its faces are in subdirectories). */
export function fontDirectory(family: FontFamily): string {
	return path.dirname(require.resolve(`@expo-google-fonts/${family}/package.json`));
}

const FILE_PREFIX: Record<FontFamily, string> = { 'pt-serif': 'PTSerif', 'pt-sans': 'PTSans' };

/** Each face's folder in the package, which is also its file name's suffix. */
const FACE_FOLDER = {
	regular: '400Regular',
	bold: '700Bold',
	italic: '400Regular_Italic',
	boldItalic: '700Bold_Italic'
} as const;

export type FontFace = keyof typeof FACE_FOLDER;

/** The paths of a family's four TTF faces. */
export function fontFiles(family: FontFamily): Record<FontFace, string> {
	const directory = fontDirectory(family);
	const file = (face: FontFace) =>
		path.join(directory, FACE_FOLDER[face], `${FILE_PREFIX[family]}_${FACE_FOLDER[face]}.ttf`);
	return {
		regular: file('regular'),
		bold: file('bold'),
		italic: file('italic'),
		boldItalic: file('boldItalic')
	};
}

export type FontFaces = Record<FontFace, Buffer>;

const faces = new Map<FontFamily, FontFaces>();

/** The four TTF faces of a family (read once). */
export function fontFaces(family: FontFamily): FontFaces {
	let loaded = faces.get(family);
	if (!loaded) {
		const files = fontFiles(family);
		loaded = {
			regular: readFileSync(files.regular),
			bold: readFileSync(files.bold),
			italic: readFileSync(files.italic),
			boldItalic: readFileSync(files.boldItalic)
		};
		faces.set(family, loaded);
	}
	return loaded;
}

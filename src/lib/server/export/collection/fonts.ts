// The fonts the collection documents use, from the @expo-google-fonts packages. Resolved from
// this module's location, which works both from the sources and from the bundled worker.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type FontFamily = 'pt-serif' | 'pt-sans';

/** The directory of a font package (its faces are in subdirectories). */
export function fontDirectory(family: FontFamily): string {
	return path.dirname(require.resolve(`@expo-google-fonts/${family}/package.json`));
}

const FILE_PREFIX: Record<FontFamily, string> = { 'pt-serif': 'PTSerif', 'pt-sans': 'PTSans' };

export interface FontFaces {
	regular: Buffer;
	bold: Buffer;
	italic: Buffer;
	boldItalic: Buffer;
}

const faces = new Map<FontFamily, FontFaces>();

/** The four TTF faces of a family (read once). */
export function fontFaces(family: FontFamily): FontFaces {
	let loaded = faces.get(family);
	if (!loaded) {
		const directory = fontDirectory(family);
		const face = (weight: string) =>
			readFileSync(path.join(directory, weight, `${FILE_PREFIX[family]}_${weight}.ttf`));
		loaded = {
			regular: face('400Regular'),
			bold: face('700Bold'),
			italic: face('400Regular_Italic'),
			boldItalic: face('700Bold_Italic')
		};
		faces.set(family, loaded);
	}
	return loaded;
}

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontDirectory, fontFaces, fontFamilies, fontFiles } from './fonts';

// The documents need these files where fonts.ts looks for them: a package update that moves,
// renames or drops one, or a font without the Kyrgyz letters, fails here, not in a compile.

/** Whether a TrueType font maps `codePoint` to a glyph (cmap format 4, Unicode BMP). */
function hasGlyph(font: Buffer, codePoint: number): boolean {
	const tables = font.readUInt16BE(4);
	let cmap = -1;
	for (let i = 0; i < tables; i++) {
		const record = 12 + i * 16;
		if (font.toString('latin1', record, record + 4) === 'cmap')
			cmap = font.readUInt32BE(record + 8);
	}
	if (cmap < 0) throw new Error('no cmap table');
	for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
		const encoding = cmap + 4 + i * 8;
		const subtable = cmap + font.readUInt32BE(encoding + 4);
		const unicodeBmp = font.readUInt16BE(encoding) === 3 && font.readUInt16BE(encoding + 2) === 1;
		if (!unicodeBmp || font.readUInt16BE(subtable) !== 4) continue;
		const segments = font.readUInt16BE(subtable + 6) / 2;
		const ends = subtable + 14;
		const starts = ends + segments * 2 + 2;
		const deltas = starts + segments * 2;
		const rangeOffsets = deltas + segments * 2;
		for (let s = 0; s < segments; s++) {
			const start = font.readUInt16BE(starts + s * 2);
			if (codePoint < start || codePoint > font.readUInt16BE(ends + s * 2)) continue;
			const delta = font.readUInt16BE(deltas + s * 2);
			const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
			if (rangeOffset === 0) return ((codePoint + delta) & 0xffff) !== 0;
			const glyph = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2);
			return glyph !== 0;
		}
		return false;
	}
	throw new Error('no Unicode BMP cmap subtable');
}

const kyrgyz = 'ңөүҢӨҮ';

describe('the documents’ fonts', () => {
	for (const family of fontFamilies) {
		it(`${family}: four TrueType faces, with the Kyrgyz letters`, () => {
			const files = fontFiles(family);
			expect(Object.keys(files).sort()).toEqual(['bold', 'boldItalic', 'italic', 'regular']);
			for (const [face, file] of Object.entries(files)) {
				expect(file.startsWith(fontDirectory(family)), face).toBe(true);
				expect(fs.existsSync(file), `${family} ${face}: ${file}`).toBe(true);
				const font = fs.readFileSync(file);
				// sfnt version 1.0: TrueType outlines (not 'OTTO', CFF, which Word embeds badly).
				expect(font.readUInt32BE(0), `${file} is not a TrueType font`).toBe(0x00010000);
				for (const letter of kyrgyz)
					expect(hasGlyph(font, letter.codePointAt(0)!), `${letter} in ${file}`).toBe(true);
				// The check itself: a letter PT fonts do not have (Devanagari A) is reported missing.
				expect(hasGlyph(font, 0x0905)).toBe(false);
			}
		});
	}

	it('reads the faces the DOCX embeds', () => {
		const faces = fontFaces('pt-serif');
		expect(faces.regular.equals(fs.readFileSync(fontFiles('pt-serif').regular))).toBe(true);
		expect(faces.boldItalic.length).toBeGreaterThan(10_000);
	});
});

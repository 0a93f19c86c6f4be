// Kyrgyz and Russian in Latin letters: file names for old mail clients, school addresses.

/** Kyrgyz and Russian letters in Latin (a simple school-style transliteration). */
const LATIN: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'yo',
	ж: 'zh',
	з: 'z',
	и: 'i',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	ң: 'ng',
	о: 'o',
	ө: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ү: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya'
};

/** The text with Kyrgyz and Russian letters in Latin, case kept; other characters as they are. */
export function toLatin(text: string): string {
	return Array.from(text.normalize('NFC'), (char) => {
		const lower = char.toLowerCase();
		const mapped = LATIN[lower];
		if (mapped === undefined) return char;
		return char === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
	}).join('');
}

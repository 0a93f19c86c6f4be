// The catalog's language work, done here so that SQLite (FTS5) and PostgreSQL (tsvector) index
// and look up exactly the same terms: the databases only ever see normalized stems, never the
// reader's words, so they need no language support of their own and cannot disagree.

/** Words shorter than this are not indexed nor searched (prepositions, initials). */
const MIN_WORD = 2;
/** Longer "words" are noise (hashes, glued URLs): not indexed. */
const MAX_WORD = 40;
/** A stem keeps at least this many letters: suffixes are not stripped below it. */
const MIN_STEM = 3;

// Kyrgyz (with vowel-harmony variants) and Russian noun/adjective endings. Stripped longest
// first, up to three times (Kyrgyz stacks them: сабак-тар-ы-быз-да); verb endings are left alone
// (they would eat the stems of nouns).
// prettier-ignore
const SUFFIXES = [
	// Kyrgyz plural
	'лар', 'лер', 'лор', 'лөр', 'дар', 'дер', 'дор', 'дөр', 'тар', 'тер', 'тор', 'төр',
	// genitive
	'нын', 'нин', 'нун', 'нүн', 'дын', 'дин', 'дун', 'дүн', 'тын', 'тин', 'тун', 'түн',
	// accusative
	'ны', 'ни', 'ну', 'нү', 'ды', 'ди', 'ду', 'дү', 'ты', 'ти', 'ту', 'тү',
	// dative
	'га', 'ге', 'го', 'гө', 'ка', 'ке', 'ко', 'кө', 'на', 'не', 'но', 'нө',
	// locative
	'да', 'де', 'до', 'дө', 'та', 'те', 'то', 'тө', 'нда', 'нде', 'ндо', 'ндө',
	// ablative
	'дан', 'ден', 'дон', 'дөн', 'тан', 'тен', 'тон', 'төн', 'нан', 'нен', 'нон', 'нөн',
	// possessive of the third person, and of «our» (not «my»: мугалим is a word of its own)
	'ын', 'ин', 'ун', 'үн', 'сы', 'си', 'су', 'сү', 'ыбыз', 'ибиз', 'убуз', 'үбүз',
	// Russian noun and adjective endings
	'ами', 'ями', 'ах', 'ях', 'ам', 'ям', 'ов', 'ев', 'ей', 'ой', 'ом', 'ем', 'ий', 'ый', 'ая', 'яя',
	'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ых', 'их', 'ую', 'юю', 'ия', 'ью', 'ья',
	'ье', 'ьи', 'ию', 'ь',
	// single vowels: Kyrgyz possessive/dative, Russian case endings
	'а', 'я', 'ы', 'и', 'у', 'ю', 'е', 'о', 'ө', 'ү'
].sort((a, b) => b.length - a.length);
/** The suffixes by their last letter, longest first. */
const BY_LAST = new Map<string, string[]>();
for (const suffix of SUFFIXES) {
	const last = suffix.at(-1)!;
	BY_LAST.set(last, [...(BY_LAST.get(last) ?? []), suffix]);
}

// Words that carry no meaning for a search: dropped from documents and queries alike, so
// «урок по математике» needs «урок» and «математика», and «урок OR сабак» is just two words.
// prettier-ignore
const STOPWORDS = new Set([
	// Russian
	'и', 'в', 'во', 'на', 'по', 'с', 'со', 'к', 'ко', 'о', 'об', 'для', 'из', 'от', 'до', 'не',
	'же', 'а', 'но', 'как', 'что', 'это', 'или', 'при', 'за', 'под', 'над', 'у', 'без', 'то',
	// Kyrgyz
	'жана', 'менен', 'үчүн', 'бул', 'ал', 'да', 'де', 'же', 'ж', 'б', 'а', 'ошол', 'дагы',
	// English, and the query syntax of the database engines
	'and', 'or', 'not', 'near', 'the', 'of', 'a', 'an', 'in', 'on', 'to', 'for'
]);

/** Lower case, NFC, ё→е; Kyrgyz ң ө ү stay letters of their own. */
export function normalizeText(text: string): string {
	return text.normalize('NFC').toLowerCase().replace(/ё/g, 'е');
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, normalized, in order (with repeats and stopwords). */
export function words(text: string): string[] {
	return normalizeText(text).match(WORD) ?? [];
}

/** Whether a word is searched for at all. */
export function isSearchWord(word: string): boolean {
	return word.length >= MIN_WORD && word.length <= MAX_WORD && !STOPWORDS.has(word);
}

/**
 * The stem of a normalized word: common Kyrgyz and Russian suffixes stripped, then the
 * Kyrgyz alternation at the stem's end undone (сабагы → сабаг → сабак, китеби → китеп).
 */
export function stem(word: string): string {
	let known = stems.get(word);
	if (known === undefined) {
		if (stems.size >= 50_000) stems.clear();
		known = stemOf(word);
		stems.set(word, known);
	}
	return known;
}

// Words repeat (snippets of every page stem the same words): each one is stemmed once.
const stems = new Map<string, string>();

function stemOf(word: string): string {
	if (/^\p{N}+$/u.test(word)) return word;
	let current = word;
	for (let round = 0; round < 3; round++) {
		const suffix = (BY_LAST.get(current.at(-1)!) ?? []).find(
			(s) =>
				current.endsWith(s) &&
				current.length - s.length >= MIN_STEM &&
				fits(current.slice(0, -s.length), s)
		);
		if (!suffix) break;
		current = current.slice(0, -suffix.length);
	}
	if (current.length >= MIN_STEM) {
		const last = current.at(-1);
		if (last === 'г') current = current.slice(0, -1) + 'к';
		else if (last === 'б') current = current.slice(0, -1) + 'п';
	}
	return current;
}

const VOWELS = new Set([...'аеёиоуыэюяөү']);
const VOICELESS = new Set([...'кпстфхцчшщ']);

/**
 * Whether `suffix` may follow `stem` (Kyrgyz sound harmony: -тар after a voiceless consonant,
 * -дар after a voiced one, -лар and -ны after a vowel; a vowel ending after a consonant). Keeps
 * «математика» from losing «-ка» as if it were a dative.
 */
function fits(stem: string, suffix: string): boolean {
	const last = stem.at(-1)!;
	const vowel = VOWELS.has(last);
	const first = suffix[0]!;
	if (VOWELS.has(first) || first === 'ь') return !vowel && last !== 'ь' && last !== 'й';
	if (first === 'т' || first === 'к') return VOICELESS.has(last);
	if (first === 'д' || first === 'г') return !VOICELESS.has(last);
	if (first === 'л') return vowel || last === 'й' || last === 'р';
	return vowel;
}

/** The distinct stems of a text, in first-seen order: what the index keeps of it. */
export function terms(text: string): string[] {
	const seen = new Set<string>();
	for (const word of words(text)) if (isSearchWord(word)) seen.add(stem(word));
	return [...seen];
}

/**
 * Edit distance with transpositions (optimal string alignment): «математкиа» is two edits
 * from «математика», «сабк» one from «сабак». Stops early once above `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	const x = [...a];
	const y = [...b];
	if (Math.abs(x.length - y.length) > max) return max + 1;
	let prev2: number[] = [];
	let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const row = [i];
		let best = i;
		for (let j = 1; j <= y.length; j++) {
			const cost = x[i - 1] === y[j - 1] ? 0 : 1;
			let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
				value = Math.min(value, prev2[j - 2]! + 1);
			row.push(value);
			if (value < best) best = value;
		}
		if (best > max) return max + 1;
		prev2 = prev;
		prev = row;
	}
	return prev[y.length]!;
}

/** How many edits a query stem may be from an indexed one: none below 4 letters, two from 8. */
export function typoBudget(term: string): number {
	const length = [...term].length;
	if (length < 4) return 0;
	return length >= 8 ? 2 : 1;
}

/** A term's first and last two letters: a typo leaves one of them as it was. */
export function termKeys(term: string): { head: string; tail: string; length: number } {
	const letters = [...term];
	return {
		head: letters.slice(0, 2).join(''),
		tail: letters.slice(-2).join(''),
		length: letters.length
	};
}

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Characters of text a snippet shows around its first match. */
const SNIPPET_LENGTH = 220;

/**
 * A short piece of `text` around the first words whose stems are in `marked`, HTML-escaped,
 * those words wrapped in <mark>. Without a match: the text's beginning, nothing marked.
 */
export function snippet(text: string, marked: ReadonlySet<string>): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	const matches: { start: number; end: number }[] = [];
	if (marked.size > 0)
		for (const match of clean.matchAll(/[\p{L}\p{N}]+/gu)) {
			// Past the window the first match opens, no more words are shown.
			if (matches.length > 0 && match.index > matches[0]!.start + SNIPPET_LENGTH) break;
			const word = normalizeText(match[0]);
			if (isSearchWord(word) && marked.has(stem(word)))
				matches.push({ start: match.index, end: match.index + match[0].length });
		}
	let from = 0;
	if (matches.length > 0) {
		from = Math.max(0, matches[0]!.start - 60);
		if (from > 0) {
			const space = clean.indexOf(' ', from);
			from = space >= 0 && space < matches[0]!.start ? space + 1 : matches[0]!.start;
		}
	}
	let to = Math.min(clean.length, from + SNIPPET_LENGTH);
	if (to < clean.length) {
		const space = clean.lastIndexOf(' ', to);
		if (space > from) to = space;
	}
	let html = from > 0 ? '… ' : '';
	let at = from;
	for (const match of matches) {
		if (match.start < from) continue;
		if (match.end > to) break;
		html += escapeHtml(clean.slice(at, match.start));
		html += `<mark>${escapeHtml(clean.slice(match.start, match.end))}</mark>`;
		at = match.end;
	}
	html += escapeHtml(clean.slice(at, to));
	if (to < clean.length) html += ' …';
	return html;
}

/** The query is cut to this many characters before anything else is done with it. */
export const MAX_QUERY_LENGTH = 200;
/** …and to this many distinct words. */
export const MAX_QUERY_TERMS = 12;

/** A query as searched: what is left of it after the cut, and its distinct searched words. */
export interface ReadQuery {
	q: string;
	/** Longer than MAX_QUERY_LENGTH characters or MAX_QUERY_TERMS words: cut. */
	truncated: boolean;
	wanted: { word: string; stem: string }[];
}

/**
 * Reads a reader's query, whatever it holds (10 KB, operators, quotes): cut first, so a huge
 * query costs what a short one does; then only words are kept — the databases never see the
 * reader's text, only stems, so no character can mean an operator to them.
 */
export function readQuery(raw: string): ReadQuery {
	const chars = [...raw.slice(0, MAX_QUERY_LENGTH * 2 + 2)];
	let truncated = [...raw].length > MAX_QUERY_LENGTH;
	let q = raw;
	if (truncated) {
		q = chars.slice(0, MAX_QUERY_LENGTH).join('');
		// A word cut in two is not searched for: its half would find nothing, or the wrong thing.
		if (/[\p{L}\p{N}]/u.test(chars[MAX_QUERY_LENGTH] ?? '')) q = q.replace(/[\p{L}\p{N}]+$/u, '');
	}
	const wanted: { word: string; stem: string }[] = [];
	for (const word of words(q)) {
		if (!isSearchWord(word)) continue;
		const s = stem(word);
		if (wanted.some((w) => w.stem === s)) continue;
		if (wanted.length === MAX_QUERY_TERMS) {
			truncated = true;
			break;
		}
		wanted.push({ word, stem: s });
	}
	return { q, truncated, wanted };
}

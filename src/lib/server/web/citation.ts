// How to cite a publication: GOST R 7.0.100-2018 (the bibliographic description used in
// Kyrgyz and Russian schools and universities) and APA 7. Pure: tested with written-out cases.

export interface CitationSource {
	title: string;
	subtitle: string;
	/** Full names as the product keeps them: given name(s) first, surname last. */
	authors: string[];
	/** What it is, in the citation's language (e.g. «Сабактын планы»). */
	typeName: string;
	schoolName: string;
	city: string;
	year: number;
	url: string;
	language: 'ky' | 'ru' | 'en';
}

interface Name {
	surname: string;
	/** "Г." or "Г. Т." */
	initials: string;
}

function parseName(full: string): Name {
	const words = full.trim().split(/\s+/).filter(Boolean);
	if (words.length < 2) return { surname: words[0] ?? '', initials: '' };
	const surname = words[words.length - 1]!;
	const initials = words
		.slice(0, -1)
		.map((w) => `${[...w][0]!.toUpperCase()}.`)
		.join(' ');
	return { surname, initials };
}

const GOST_WORDS = {
	ky: { text: 'Текст : электрондук', accessed: 'кайрылган күнү', others: 'ж. б.' },
	ru: { text: 'Текст : электронный', accessed: 'дата обращения', others: 'и др.' },
	en: { text: 'Text : electronic', accessed: 'accessed', others: 'et al.' }
};

/** DD.MM.YYYY, as GOST writes the date of access. */
function gostDay(date: Date): string {
	const dd = String(date.getUTCDate()).padStart(2, '0');
	const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
	return `${dd}.${mm}.${date.getUTCFullYear()}`;
}

/**
 * GOST R 7.0.100-2018, an online resource: one to three authors head the description
 * ("Surname, I."); four are all named after the slash with no heading; five or more, the
 * first three and "et al." in the citation's language.
 */
export function gostCitation(source: CitationSource, accessedOn: Date): string {
	const words = GOST_WORDS[source.language];
	const names = source.authors.map(parseName);
	const heading =
		names.length >= 1 && names.length <= 3
			? `${names[0]!.surname}, ${names[0]!.initials}`.replace(/, $/, '') + ' '
			: '';
	const listed = names.length >= 5 ? names.slice(0, 3) : names;
	const responsibility =
		listed.length === 0
			? ''
			: ` / ${listed.map((n) => `${n.initials} ${n.surname}`.trim()).join(', ')}${
					names.length >= 5 ? ` [${words.others}]` : ''
				}`;
	const title = [source.title, source.subtitle, source.typeName].filter(Boolean).join(' : ');
	const place = [source.city, source.schoolName].filter(Boolean).join(' : ');
	return (
		`${heading}${title}${responsibility}. – ${place}, ${source.year}. – ` +
		`URL: ${source.url} (${words.accessed}: ${gostDay(accessedOn)}). – ${words.text}.`
	);
}

/** APA 7: "Surname, I., & Surname, I. (Year). Title [Type]. Publisher. URL" (up to 20 authors). */
export function apaCitation(source: CitationSource): string {
	const names = source.authors.map(parseName).map((n) => `${n.surname}, ${n.initials}`.trim());
	const shown = names.length > 20 ? [...names.slice(0, 19), '…', names[names.length - 1]!] : names;
	const authors =
		shown.length === 0
			? ''
			: shown.length === 1
				? shown[0]!
				: shown.length === 2
					? `${shown[0]}, & ${shown[1]}`
					: `${shown.slice(0, -1).join(', ')}, & ${shown[shown.length - 1]}`;
	const title = source.subtitle ? `${source.title}: ${source.subtitle}` : source.title;
	const lead = authors ? `${authors.replace(/\.$/, '')}. (${source.year}). ` : '';
	const body = authors
		? `${title} [${source.typeName}]. ${source.schoolName}.`
		: `${title} [${source.typeName}]. (${source.year}). ${source.schoolName}.`;
	return `${lead}${body} ${source.url}`;
}

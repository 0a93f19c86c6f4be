import type { CollectionLabels, CollectionLanguage } from '../../export/collection/model';
import { documentDate } from '../../../i18n/document-date';
import * as m from '../../../paraglide/messages.js';
import type { ApprovalBody } from './input';

// The fixed texts of the documents follow the collection's language, whoever compiles it.

/** How many people a label counts, so it takes the count (review: «Рецензент» / «Рецензенттер»). */
export interface LabelCounts {
	editors: number;
	reviewers: number;
}

export function collectionLabels(
	locale: CollectionLanguage,
	group: string,
	edition: number,
	counts: LabelCounts = { editors: 2, reviewers: 2 }
): CollectionLabels {
	const o = { locale };
	return {
		contents: m.collection_doc_contents({}, o),
		preface: m.collection_doc_preface({}, o),
		authorsIndex: m.collection_doc_authors_index({}, o),
		editors: m.collection_doc_editors({ count: counts.editors }, o),
		reviewers: m.collection_doc_reviewers({ count: counts.reviewers }, o),
		authors: m.collection_doc_authors({ count: 2 }, o),
		authorsOne: m.collection_doc_authors({ count: 1 }, o),
		type: m.collection_doc_type({}, o),
		subjects: m.collection_doc_subjects({}, o),
		grades: m.collection_doc_grades({}, o),
		abstract: m.collection_doc_abstract({}, o),
		note: m.collection_doc_note({}, o),
		// A first edition is simply the collection: only a later one prints its number.
		edition: edition > 1 ? m.collection_doc_edition({ number: edition }, o) : '',
		groupLine:
			locale === 'ky' && namesItself(group)
				? group.trim()
				: m.collection_doc_group_line({ group }, o),
		emptyBody: m.collection_doc_empty_body({}, o),
		results: m.collection_doc_results({}, o),
		indexPages: m.collection_doc_index_pages({}, o),
		indexItems: m.collection_doc_index_items({}, o)
	};
}

export interface ApprovalParts {
	group: string;
	body: ApprovalBody;
	/** The protocol's number, '' for none. */
	protocol: string;
	/** YYYY-MM-DD, or null. */
	date: string | null;
}

const approvalBodies: Record<
	ApprovalBody,
	(p: object, o: { locale: CollectionLanguage }) => string
> = {
	group: m.collection_doc_approval_body_group,
	methodical_council: m.collection_doc_approval_body_methodical_council,
	pedagogical_council: m.collection_doc_approval_body_pedagogical_council
};

/**
 * The group as a sentence names it: «"Name" чыгармачыл тобу» unless the name already says it
 * (the review: «…тобу тобу» otherwise). In Russian and English the sentence says «группой».
 */
function groupInSentence(locale: CollectionLanguage, group: string): string {
	if (locale !== 'ky') return locale === 'en' ? `“${group}”` : `«${group}»`;
	return namesItself(group) ? group.trim() : m.collection_doc_group_line({ group }, { locale });
}

/** A Kyrgyz group name that already ends in «…тобу» is not followed by «чыгармачыл тобу». */
function namesItself(group: string): boolean {
	return /(тобу|тобунун)$/i.test(group.trim());
}

/**
 * The date a protocol is «from», as the sentence needs it: Kyrgyz wants the attributive
 * locative of the month («2026-жылдын 23-сентябрындагы №2 протоколу»), built on the date
 * line's possessive form (documentDate): -ндагы after a back vowel, -ндеги after и.
 */
function protocolDate(locale: CollectionLanguage, day: string): string {
	const date = documentDate(day, locale);
	if (locale !== 'ky') return date;
	return date.endsWith('и') ? `${date}ндеги` : `${date}ндагы`;
}

/**
 * The approval note of the title page's verso, in the passive and naming who recommended the
 * collection, with the protocol's number and date when given (REFERENCE.md, the review).
 */
export function approvalNote(locale: CollectionLanguage, parts: ApprovalParts): string {
	const o = { locale };
	const params = {
		group: groupInSentence(locale, parts.group),
		body: approvalBodies[parts.body]({}, o),
		number: parts.protocol.trim(),
		date: parts.date ? protocolDate(locale, parts.date) : ''
	};
	if (params.number && params.date) return m.collection_doc_approval_protocol_date(params, o);
	if (params.number) return m.collection_doc_approval_protocol(params, o);
	if (params.date) return m.collection_doc_approval_date(params, o);
	return m.collection_doc_approval_plain(params, o);
}

/** Surname endings, clear ones first: «-ова» says surname, «-ина» may be a given name. */
const SURNAME_CLEAR = /(ов|ев|ёв|ова|ева|ёва|ский|ская|цкий|цкая|енко|швили|дзе)$/i;
const SURNAME_LIKELY = /(ин|ина|ын|ына|ян)$/i;
const PATRONYMIC = /(овна|евна|ична|инична|ович|евич|ич)$/i;
/** A Kyrgyz patronymic's particle: «Асан уулу», «Асан кызы» (the father's name gives the initial). */
const PARTICLE = /^(уулу|кызы|улы|оглы)$/i;

/**
 * A person as the index and the title page print them: surname and initials, «Өмүрбекова
 * А. К.», bound with no-break spaces. Names are written either way round («Үмүт Өмүрбекова»
 * in the Kyrgyz hint, «Омурбекова Умут Асановна» in the Russian one), so the surname is the
 * word that ends as one; without such a word it is the first.
 */
export function shortName(fullName: string): string {
	const words = fullName.trim().split(/\s+/).filter(Boolean);
	if (words.length < 2) return words.join('');
	const candidates = words
		.map((word, i) => ({ word, i }))
		.filter(({ word }) => !PATRONYMIC.test(word) && !PARTICLE.test(word));
	const surname =
		candidates.find(({ word }) => SURNAME_CLEAR.test(word)) ??
		candidates.find(({ word }) => SURNAME_LIKELY.test(word)) ??
		candidates[0]!;
	const initials = words
		.filter((word, i) => i !== surname.i && !PARTICLE.test(word))
		.map((word) => `${[...word][0]!.toLocaleUpperCase()}.`);
	return [surname.word, ...initials].join('\u00a0');
}

const materialTypes: Record<string, (p: object, o: { locale: CollectionLanguage }) => string> = {
	lesson_plan: m.material_type_lesson_plan,
	didactic: m.material_type_didactic,
	method: m.material_type_method,
	activity_outline: m.material_type_activity_outline,
	assessment: m.material_type_assessment,
	presentation: m.material_type_presentation,
	article: m.material_type_article,
	other: m.material_type_other
};

export function materialTypeName(locale: CollectionLanguage, type: string): string {
	return (materialTypes[type] ?? m.material_type_other)({}, { locale });
}

/** Grades as ranges: [5, 6, 7, 9] → "5–7, 9". */
export function gradeRanges(grades: number[]): string {
	const sorted = [...new Set(grades)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; i++) {
		const start = sorted[i]!;
		while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
		parts.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
	}
	return parts.join(', ');
}

/** Plain text → paragraphs (blank lines or single newlines separate them). */
export function paragraphs(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}

import type { CollectionLabels, CollectionLanguage } from '../../export/collection/model';
import * as m from '../../../paraglide/messages.js';

// The fixed texts of the documents follow the collection's language, whoever compiles it.

export function collectionLabels(
	locale: CollectionLanguage,
	group: string,
	edition: number
): CollectionLabels {
	const o = { locale };
	return {
		contents: m.collection_doc_contents({}, o),
		preface: m.collection_doc_preface({}, o),
		authorsIndex: m.collection_doc_authors_index({}, o),
		editors: m.collection_doc_editors({}, o),
		reviewers: m.collection_doc_reviewers({}, o),
		authors: m.collection_doc_authors({}, o),
		type: m.collection_doc_type({}, o),
		subjects: m.collection_doc_subjects({}, o),
		grades: m.collection_doc_grades({}, o),
		abstract: m.collection_doc_abstract({}, o),
		note: m.collection_doc_note({}, o),
		edition: m.collection_doc_edition({ number: edition }, o),
		groupLine: m.collection_doc_group_line({ group }, o),
		emptyBody: m.collection_doc_empty_body({}, o),
		results: m.collection_doc_results({}, o)
	};
}

/** The default approval note when the leader wrote none. */
export function defaultApproval(locale: CollectionLanguage, group: string, school: string): string {
	return m.collection_doc_approval_default({ group, school }, { locale });
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

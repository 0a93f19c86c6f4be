import type { MaterialStatus, MaterialType, Recommendation } from '../db/types';
import { materialStatuses, materialTypes } from '../db/types';
import type { Criterion } from '../domain/materials/criteria';
import { formatDateTime, formatDecimal, formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import { translate } from './i18n';

// How materials, their statuses, history and reviews read on a page, in the request's language.

export const materialTypeName = (type: MaterialType | string) =>
	translate(`material_type_${type}` as 'material_type_other');
export const materialStatusName = (status: MaterialStatus | string) =>
	translate(`material_status_${status}` as 'material_status_draft');
export const recommendationName = (value: Recommendation | string) =>
	translate(`review_recommendation_${value}` as 'review_recommendation_accept');

export const typeOptions = () =>
	materialTypes.map((value) => ({ value, label: materialTypeName(value) }));
export const statusOptions = () =>
	materialStatuses.map((value) => ({ value, label: materialStatusName(value) }));
export const languageOptions = () =>
	(['ky', 'ru', 'en'] as const).map((value) => ({
		value,
		label: translate(`material_language_${value}`)
	}));

/** A status badge's tone: decided ones stand out, the rest are neutral. */
export function statusTone(status: MaterialStatus): string {
	return status === 'accepted'
		? 'ok'
		: status === 'revision_requested'
			? 'warn'
			: status === 'archived' || status === 'draft'
				? 'off'
				: '';
}

export function criterionLabel(c: Pick<Criterion, 'builtin' | 'name'>): string {
	if (c.name) return c.name;
	return c.builtin ? translate(`criterion_${c.builtin}` as 'criterion_relevance') : '—';
}

/**
 * What a reviewer looks at under a criterion. The built-in criteria (§5.4) have a
 * description in the catalog; one the leader named (or renamed) has only its name: no
 * description is stored.
 */
export function criterionDescription(c: Pick<Criterion, 'builtin' | 'name'>): string | null {
	if (!c.builtin || c.name) return null;
	return translate(`work_criterion_${c.builtin}_hint` as 'work_criterion_relevance_hint');
}

/** The scale of 1 to 5, each score with what it means: shown beside the scores. */
export const reviewScale = [1, 2, 3, 4, 5] as const;
export function scoreDescriptions(): { score: string; description: string }[] {
	return reviewScale.map((score) => ({
		score: String(score),
		description: translate(`work_review_score_${score}` as 'work_review_score_1')
	}));
}

/** The reviews' average per criterion as the page shows it: "4,5" in ky and ru, "4.5" in en. */
export function reviewAverageRows(
	averages: {
		criterion: Pick<Criterion, 'builtin' | 'name'>;
		average: number | null;
		count: number;
	}[],
	locale: Locale
): { label: string; average: string | null; count: number }[] {
	return averages.map((a) => ({
		label: criterionLabel(a.criterion),
		average: a.average === null ? null : formatDecimal(a.average, locale, 1, 1),
		count: a.count
	}));
}

/** 1.2 MB, 340 KB: sizes people read. */
export function fileSize(bytes: number, locale: Locale): string {
	if (bytes >= 1024 * 1024)
		return translate('file_size_mb', {
			size: formatNumber(Math.round(bytes / 104857.6) / 10, locale)
		});
	return translate('file_size_kb', {
		size: formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)
	});
}

export interface MaterialEventView {
	id: string;
	kind: string;
	fromStatus: MaterialStatus | null;
	toStatus: MaterialStatus | null;
	versionNumber: number;
	reason: string | null;
	createdAt: Date;
	actorName: string | null;
}

export function materialEventLine(e: MaterialEventView, locale: Locale, timeZone: string) {
	const actor = e.actorName ?? '—';
	const text =
		e.kind === 'status'
			? translate('material_event_status', {
					actor,
					status: materialStatusName(e.toStatus ?? ''),
					version: e.versionNumber
				})
			: translate(`material_event_${e.kind}` as 'material_event_created', {
					actor,
					version: e.versionNumber
				});
	return { id: e.id, text, reason: e.reason, at: formatDateTime(e.createdAt, locale, timeZone) };
}

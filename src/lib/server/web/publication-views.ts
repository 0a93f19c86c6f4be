import type { Audience, ConsentDecision, Licence, PublicationStatus } from '../db/types';
import { audiences, licences } from '../db/types';
import type { PublicationMeta } from '../domain/publications/snapshot';
import { apaCitation, gostCitation } from './citation';
import { translate } from './i18n';
import { materialTypeName } from './material-views';

// How publications read on a page: their type, audience, licence and status, and citations.

/** A material type, or what an edition ('collection') or a results page is. */
export function publicationTypeName(type: string, locale?: 'ky' | 'ru' | 'en'): string {
	if (type === 'collection') return translate('publication_type_collection', {}, locale);
	if (type === 'results') return translate('publication_type_results', {}, locale);
	return locale
		? translate(`material_type_${type}` as 'material_type_other', {}, locale)
		: materialTypeName(type);
}

export const audienceName = (audience: Audience) =>
	translate(`publication_audience_${audience}` as 'publication_audience_staff');
export const licenceName = (licence: Licence) =>
	translate(`publication_licence_${licence}` as 'publication_licence_cc_by');
export const publicationStatusName = (status: PublicationStatus) =>
	translate(`publication_status_${status}` as 'publication_status_published');

const LICENCE_URLS: Record<Licence, string | null> = {
	cc_by: 'https://creativecommons.org/licenses/by/4.0/',
	cc_by_sa: 'https://creativecommons.org/licenses/by-sa/4.0/',
	cc_by_nc: 'https://creativecommons.org/licenses/by-nc/4.0/',
	all_rights_reserved: null
};
export const licenceUrl = (licence: Licence) => LICENCE_URLS[licence];

/** An author's answer as a list shows it: consented, refused, or still waited for. */
export const consentAnswer = (decision: ConsentDecision | null) =>
	translate(
		decision === 'consented'
			? 'publications_consent_given'
			: decision === 'refused'
				? 'publications_consent_refused'
				: 'publications_consent_waiting'
	);

export const audienceOptions = () =>
	audiences.map((value) => ({ value, label: audienceName(value) }));
export const licenceOptions = () => licences.map((value) => ({ value, label: licenceName(value) }));

/** The permanent address, absolute. */
export const publicationUrl = (baseUrl: string, code: string) => `${baseUrl}/p/${code}`;

/** GOST and APA citations, their fixed words in the publication's own language. */
export function citationsOf(meta: PublicationMeta, url: string, accessedOn: Date) {
	const source = {
		title: meta.title,
		subtitle: meta.subtitle,
		authors: meta.authors.map((a) => a.name),
		typeName: publicationTypeName(meta.type, meta.language),
		schoolName: meta.schoolName,
		city: meta.city,
		year: meta.year,
		url,
		language: meta.language
	};
	return { gost: gostCitation(source, accessedOn), apa: apaCitation(source) };
}

import type { MaterialDetail } from '../../export/collection/model';
import { editionBodyHtml } from '../../export/collection/web';
import { paragraphs } from '../collections/labels';
import type { MaterialDocumentModel } from './model';

/** What the print view (MaterialPrint.svelte) shows: plain data, every text ready. */
export interface MaterialPrintView {
	/** The material's own language (the `lang` of its texts). */
	language: string;
	/** The language of the labels. */
	locale: string;
	title: string;
	authors: string;
	authorsLabel: string;
	details: MaterialDetail[];
	abstractLabel: string;
	abstract: string[];
	/** Sanitized HTML, pictures pointing at `imageUrl(key)`. */
	bodyHtml: string;
	emptyBody: string;
	attachmentsLabel: string;
	attachments: string[];
}

/**
 * The print view of a version: `imageUrl` gives the address of a body picture by its blob key
 * (the material page's /images/KEY for members; a publication's own address for its audience).
 */
export function materialPrintView(
	model: MaterialDocumentModel,
	imageUrl: (key: string) => string
): MaterialPrintView {
	return {
		language: model.language,
		locale: model.locale,
		title: model.title,
		authors: model.authors.join(', '),
		authorsLabel: model.labels.authors,
		details: model.details,
		abstractLabel: model.labels.abstract,
		abstract: paragraphs(model.abstract),
		bodyHtml: editionBodyHtml(model.bodyHtml, imageUrl),
		emptyBody: model.labels.emptyBody,
		attachmentsLabel: model.labels.attachments,
		attachments: model.attachmentLines
	};
}

import { publicationDocument } from '$lib/server/web/publication-document';
import type { RequestHandler } from './$types';

/** The published edition's or material's PDF, for its audience. */
export const GET: RequestHandler = (event) => publicationDocument(event, 'pdf');

import { materialDocument } from '$lib/server/web/material-document';
import type { RequestHandler } from './$types';

/** The accepted version's DOCX, made once and kept (a version never changes). */
export const GET: RequestHandler = (event) => materialDocument(event, 'docx');

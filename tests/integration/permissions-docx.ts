import type { Row } from './matrix';

/** Issue 16 (docx): rows for every route and action of the part, denials included. */
export const docxRows: Row[] = [];

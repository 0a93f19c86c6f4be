import type { Row } from './matrix';

/** C7 (documents). */
export const documentsRows: Row[] = [];

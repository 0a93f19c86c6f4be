import type { Row } from './matrix';

/** C7 (catalog). */
export const catalogRows: Row[] = [];

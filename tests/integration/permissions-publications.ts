import type { Row } from './matrix';

/** C7 (publications). */
export const publicationsRows: Row[] = [];

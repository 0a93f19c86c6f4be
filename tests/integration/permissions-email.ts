import type { Row } from './matrix';

/** C8 (email): rows for every route and action of the part, denials included. */
export const emailRows: Row[] = [];

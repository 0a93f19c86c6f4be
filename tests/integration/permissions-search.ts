import type { Row } from './matrix';

/** C8 (search): rows for every route and action of the part, denials included. */
export const searchRows: Row[] = [];

import type { Row } from './matrix';

/** Issue 16 (ballot): rows for every route and action of the part, denials included. */
export const ballotRows: Row[] = [];

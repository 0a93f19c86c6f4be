import type { Row } from './matrix';

/** Issue 16 (operator): rows for every route and action of the part, denials included. */
export const operatorRows: Row[] = [];

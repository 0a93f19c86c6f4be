import type { Row } from './matrix';

/** Issue 16 (web): rows for every route and action of the part, denials included. */
export const webRows: Row[] = [];

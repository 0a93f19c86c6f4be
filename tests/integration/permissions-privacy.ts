import type { Row } from './matrix';

/** Issue 16 (privacy): rows for every route and action of the part, denials included. */
export const privacyRows: Row[] = [];

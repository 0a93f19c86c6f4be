import type { Row } from './matrix';

/** C8 (audit): rows for every route and action of the part, denials included. */
export const auditRows: Row[] = [];

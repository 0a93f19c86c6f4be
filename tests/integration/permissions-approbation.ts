import type { Row } from './matrix';

/** C5 (§4.1, §5.4): approbations, observations and results. */
export const approbationRows: Row[] = [];

import type { Row } from './matrix';

/** C8 (inbox): rows for every route and action of the part, denials included. */
export const inboxRows: Row[] = [];

import type { Row } from './matrix';

/** C8 (calendar): rows for every route and action of the part, denials included. */
export const calendarRows: Row[] = [];

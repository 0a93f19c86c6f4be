import type { Row } from './matrix';

/** C8 (telegram): rows for every route and action of the part, denials included. */
export const telegramRows: Row[] = [];

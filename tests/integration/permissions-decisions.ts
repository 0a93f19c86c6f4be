import type { Row } from './matrix';

/** Issue 17's decisions part: rows for every route and action it adds, denials included. */
export const decisionsWorkspaceRows: Row[] = [];

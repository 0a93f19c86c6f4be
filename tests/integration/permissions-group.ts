import type { Row } from './matrix';

/**
 * Issue 17's group part: rows for every route and action it adds, denials included. It adds
 * none: the group's header, navigation and home, the list of groups and "new group" are the
 * existing routes and actions (their rows are in permissions.test.ts).
 */
export const groupWorkspaceRows: Row[] = [];

import type { Row } from './matrix';

/** C7 (machines). */
export const machinesRows: Row[] = [];

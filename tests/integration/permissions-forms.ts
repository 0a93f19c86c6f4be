import type { Row } from './matrix';

/** C5 (§5.3): information-collection forms and questionnaires. */
export const formRows: Row[] = [];

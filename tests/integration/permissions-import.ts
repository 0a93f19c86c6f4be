import { bogus, group, inGroup, type Row } from './matrix';

/** Issue 18 (Word import on the "new material" page): rows for its routes, denials included. */
export const importRows: Row[] = [
	// The page of a new draft's .doc being converted: its author's alone, as the draft is.
	{
		route: '/(app)/groups/[groupId]/materials/new/word/[jobId]',
		use: 'GET',
		path: (w) => `${group(w)}/materials/new/word/${w.legacyJobId}`,
		expect: inGroup(404, { memberA: 200 })
	},
	{
		route: '/(app)/groups/[groupId]/materials/new/word/[jobId]',
		use: 'GET',
		path: (w) => `${group(w)}/materials/new/word/${bogus}`,
		expect: inGroup(404)
	}
];

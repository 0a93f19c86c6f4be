import { group, inGroup, type Row } from './matrix';
import type { World } from './world';

// An accepted material's own DOCX, PDF and print view: whoever reads the material today
// (the members, the consultant, the school's administration) gets them; the teaching staff
// are refused as on the material page (403: they read what is published to them); another
// school, the operator and a scientist outside the group are told the group does not exist.
// A material not accepted yet has no documents (409); another's draft does not exist (404).

/** Set by world-documents.ts (buildDocuments). */
const accepted = (w: World) =>
	`${group(w)}/materials/${(w as unknown as { documentsMaterialId: string }).documentsMaterialId}`;
const offered = (w: World) => `${group(w)}/materials/${w.materialId}`;
const draft = (w: World) => `${group(w)}/materials/${w.draftId}`;
/** Those who read the group's work: the members, the consultant and the administration. */
const readers = (ok: number) =>
	inGroup(403, { adminA: ok, leaderA: ok, memberA: ok, externalMember: ok });

// A signed-out visitor is sent to sign in from the page; a file endpoint answers 401.
const routes = [
	{ route: '/(app)/groups/[groupId]/materials/[materialId]/print', tail: '/print', file: false },
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/material.pdf',
		tail: '/material.pdf',
		file: true
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/material.docx',
		tail: '/material.docx',
		file: true
	}
];

/** C7 (documents). */
export const documentsRows: Row[] = routes.flatMap(({ route, tail, file }) => {
	const anonymous = file ? { anonymous: 401 } : {};
	return [
		{
			route,
			use: 'GET',
			path: (w: World) => `${accepted(w)}${tail}`,
			expect: { ...readers(200), ...anonymous }
		},
		// Offered, not accepted: those who read it are told it has no documents yet.
		{
			route,
			use: 'GET',
			path: (w: World) => `${offered(w)}${tail}`,
			expect: { ...readers(409), ...anonymous }
		},
		// memberA's draft: hers alone (409: not accepted); nobody else's.
		{
			route,
			use: 'GET',
			path: (w: World) => `${draft(w)}${tail}`,
			expect: { ...inGroup(404, { memberA: 409 }), ...anonymous }
		}
	];
});

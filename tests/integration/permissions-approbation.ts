import { bogus, group, groupWork, inGroup, type Row } from './matrix';
import type { World } from './world';

// Approbations are the group's own work (members and the administration see them); only
// current members record; only its author edits one; nobody observes their own approbation
// or one of their own material; only the leader asks someone to observe. Results pages have
// the approbations' visibility for now ("results made known" opens them to staff).

const approbations = (w: World) => `${group(w)}/approbations`;
const leaders = (w: World) => `${approbations(w)}/${w.approbationId}`;
const members = (w: World) => `${approbations(w)}/${w.memberApprobationId}`;
/** Current members: the leader, memberA, the consultant. */
const current = (ok: number) => inGroup(403, { leaderA: ok, memberA: ok, externalMember: ok });

/** C5 (§4.1, §5.4): approbations, observations and results. */
export const approbationRows: Row[] = [
	{
		route: '/(app)/groups/[groupId]/approbations',
		use: 'GET',
		path: approbations,
		expect: groupWork(200)
	},
	// Only current members record: the admin and staff who are not members are refused.
	{
		route: '/(app)/groups/[groupId]/approbations/new',
		use: 'GET',
		path: (w) => `${approbations(w)}/new`,
		expect: current(200)
	},
	{
		route: '/(app)/groups/[groupId]/approbations/new',
		use: 'GET',
		path: (w) => `${approbations(w)}/new?material=${w.materialId}`,
		expect: current(200)
	},
	{
		route: '/(app)/groups/[groupId]/approbations/new',
		use: 'GET',
		path: (w) => `${approbations(w)}/new?material=${w.draftId}`,
		expect: current(404)
	},
	{
		route: '/(app)/groups/[groupId]/approbations/new',
		use: 'default',
		path: (w) => `${approbations(w)}/new`,
		form: {},
		expect: current(400)
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]',
		use: 'GET',
		path: leaders,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]',
		use: 'GET',
		path: (w) => `${approbations(w)}/${bogus}`,
		expect: groupWork(404)
	},
	// Evidence: only the author adds and removes files.
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]',
		use: '?/upload',
		path: leaders,
		form: {},
		expect: inGroup(403, { leaderA: 400 })
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]',
		use: '?/removeFile',
		path: leaders,
		form: { fileId: bogus },
		expect: inGroup(403, { leaderA: 404 })
	},
	// Only the leader asks someone to observe (an empty choice is refused).
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]',
		use: '?/ask',
		path: members,
		form: {},
		expect: inGroup(403, { leaderA: 400 })
	},
	// A member edits only their own approbation.
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/edit',
		use: 'GET',
		path: (w) => `${leaders(w)}/edit`,
		expect: inGroup(403, { leaderA: 200 })
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/edit',
		use: 'GET',
		path: (w) => `${members(w)}/edit`,
		expect: inGroup(403, { memberA: 200 })
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/edit',
		use: '?/save',
		path: (w) => `${leaders(w)}/edit`,
		form: {},
		expect: inGroup(403, { leaderA: 400 })
	},
	// §5.4: the author (the leader) and the material's author (memberA) never observe it.
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/observe',
		use: 'GET',
		path: (w) => `${leaders(w)}/observe`,
		expect: inGroup(403, { externalMember: 200 })
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/observe',
		use: 'default',
		path: (w) => `${leaders(w)}/observe`,
		form: {},
		expect: inGroup(403, { externalMember: 400 })
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/observe',
		use: 'GET',
		path: (w) => `${members(w)}/observe`,
		expect: inGroup(403, { leaderA: 200, externalMember: 200 })
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/files/[fileId]',
		use: 'GET',
		path: (w) => `${leaders(w)}/files/${w.approbationFileId}`,
		expect: { ...groupWork(200), anonymous: 401 }
	},
	{
		route: '/(app)/groups/[groupId]/approbations/[approbationId]/files/[fileId]',
		use: 'GET',
		path: (w) => `${leaders(w)}/files/${bogus}`,
		expect: { ...groupWork(404), anonymous: 401 }
	},
	{
		route: '/(app)/groups/[groupId]/results',
		use: 'GET',
		path: (w) => `${group(w)}/results`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/results',
		use: 'GET',
		path: (w) => `${group(w)}/materials/${w.materialId}/results`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/results',
		use: 'GET',
		path: (w) => `${group(w)}/materials/${w.draftId}/results`,
		expect: groupWork(404)
	}
];

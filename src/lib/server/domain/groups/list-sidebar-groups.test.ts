import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { charter, makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { closeGroup } from './close-group';
import { createGroup } from './create-group';
import { leaveGroup } from './leave-group';
import { listSidebarGroups, SIDEBAR_GROUPS } from './list-sidebar-groups';

const t = useTestDatabase();
let w: GroupWorld;
const as = (actor: Actor) => ctxOf(t.db, actor);
const names = async (actor: Actor) =>
	(await listSidebarGroups(as(actor))).groups.map((g) => g.name);
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});

describe('the sidebar groups', () => {
	it('members and the leader see their group; the admin every open group of the school; others none', async () => {
		for (const actor of [w.leader, w.member, w.scientist, w.admin])
			expect(await listSidebarGroups(as(actor))).toEqual({
				groups: [{ id: w.groupId, name: charter.name }],
				more: false
			});
		for (const actor of [w.staff, w.otherAdmin, w.otherTeacher])
			expect(await listSidebarGroups(as(actor))).toEqual({ groups: [], more: false });
		await leaveGroup(as(w.scientist), { groupId: w.groupId });
		expect(await names(w.scientist)).toEqual([]);
		await closeGroup(as(w.leader), { groupId: w.groupId, reason: 'Тема изилденип бүттү' });
		expect(await names(w.leader)).toEqual([]);
		expect(await names(w.admin)).toEqual([]);
	});

	it('shows the first groups by name and says there are more', async () => {
		for (let i = 1; i <= SIDEBAR_GROUPS; i++)
			await createGroup(as(w.admin), {
				...charter,
				name: `Топ ${String(i).padStart(2, '0')}`,
				schoolId: w.schoolId,
				startedOn: '2026-09-01',
				leaderId: w.leader.id
			});
		const mine = await listSidebarGroups(as(w.leader));
		expect(mine.more).toBe(true);
		expect(mine.groups).toHaveLength(SIDEBAR_GROUPS);
		expect(mine.groups.map((g) => g.name)).toEqual(
			[
				charter.name,
				...Array.from({ length: SIDEBAR_GROUPS }, (_, i) => `Топ ${String(i + 1).padStart(2, '0')}`)
			]
				.sort()
				.slice(0, SIDEBAR_GROUPS)
		);
		expect((await listSidebarGroups(as(w.admin))).more).toBe(true);
		expect(await listSidebarGroups(as(w.member))).toEqual({
			groups: [{ id: w.groupId, name: charter.name }],
			more: false
		});
	});
});

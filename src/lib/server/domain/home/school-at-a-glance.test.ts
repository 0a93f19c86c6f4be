import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { createGroup } from '../groups/create-group';
import { charter, makeGroupWorld } from '../../test/groups';
import { ctxWithStore, offeredMaterial, tempStore } from '../../test/materials';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { decideMaterial } from '../materials/decide-material';
import { createMeeting } from '../meetings/create-meeting';
import { openVote } from '../votes/open-vote';
import { schoolAtAGlance } from './school-at-a-glance';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const today = '2026-11-20';
const timeZone = 'Asia/Bishkek';

describe('the school’s groups at a glance', () => {
	it('shows the administration each group’s leader, figures, next meeting and last activity', async () => {
		const w = await makeGroupWorld(t.db);
		const now = new Date(Date.now() + 3600_000);
		const as = (actor: Actor) => ctxWithStore(t.db, actor, store, now);
		const accepted = await offeredMaterial(t.db, store, w.member, w.groupId, { title: 'Оюндар' });
		await decideMaterial(as(w.leader), {
			groupId: w.groupId,
			materialId: accepted,
			to: 'accepted',
			version: 1,
			reason: 'Жакшы иш.'
		});
		await offeredMaterial(t.db, store, w.member, w.groupId, { title: 'Дагы бир иш' });
		await openVote(as(w.leader), { groupId: w.groupId, question: 'Макулбузбу?', kind: 'yes_no' });
		for (const heldOn of ['2026-11-10', '2026-12-01', '2026-11-25'])
			await createMeeting(as(w.leader), {
				groupId: w.groupId,
				heldOn,
				startTime: '10:00',
				place: '',
				agenda: ''
			});
		// A second group with no leader's work yet; a group of another school.
		await createGroup(as(w.admin), {
			...charter,
			name: 'Англис тили',
			schoolId: w.schoolId,
			startedOn: '2026-09-01',
			leaderId: w.staff.id
		});
		await createGroup(as(w.otherAdmin), {
			...charter,
			name: 'Башка мектеп',
			schoolId: w.otherSchoolId,
			startedOn: '2026-09-01',
			leaderId: w.otherTeacher.id
		});

		const rows = await schoolAtAGlance(as(w.admin), { today, timeZone });
		expect(rows.map((r) => r.name)).toEqual(['Англис тили', 'Функционалдык сабаттуулук']);
		const [english, literacy] = rows;
		expect(literacy).toMatchObject({
			id: w.groupId,
			leader: { id: w.leader.id, fullName: 'Айгүл Өмүрбекова', photoKey: null },
			members: 3,
			acceptedMaterials: 1,
			openVotes: 1,
			nextMeetingOn: '2026-11-25'
		});
		expect(literacy!.lastActivityAt?.getTime()).toBe(now.getTime());
		expect(english).toMatchObject({
			leader: { fullName: 'Жылдыз Токтогулова' },
			members: 1,
			acceptedMaterials: 0,
			openVotes: 0,
			nextMeetingOn: null
		});
		expect(english!.lastActivityAt).toBeInstanceOf(Date);
		expect(
			(await schoolAtAGlance(as(w.otherAdmin), { today, timeZone })).map((r) => r.name)
		).toEqual(['Башка мектеп']);
	});

	it('is for the administration only', async () => {
		const w = await makeGroupWorld(t.db);
		for (const actor of [w.leader, w.member, w.scientist]) {
			const error = await appError(
				schoolAtAGlance(ctxWithStore(t.db, actor, store), { today, timeZone })
			);
			expect(error.code).toBe('forbidden');
		}
	});
});

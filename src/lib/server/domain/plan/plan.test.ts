import { describe, expect, it } from 'vitest';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { closeGroup } from '../groups/close-group';
import { reopenGroup } from '../groups/reopen-group';
import { addPlanItem } from './add-plan-item';
import { listPlan } from './list-plan';
import { setPlanStatus } from './set-plan-status';
import { updatePlanItem } from './update-plan-item';

const t = useTestDatabase();
let w: GroupWorld;
const item = (over: Record<string, string> = {}) => ({
	kind: 'open_lesson',
	title: '3-класста ачык сабак',
	dueOn: '2026-11-20',
	responsibleId: w.member.id,
	notes: '',
	...over
});

describe('the work plan', () => {
	it('the leader plans dated items; everyone who sees the group reads them in date order', async () => {
		w = await makeGroupWorld(t.db);
		await addPlanItem(
			t.db,
			w.leader,
			w.groupId,
			item({ title: 'Кийинчерээк', dueOn: '2026-12-10' })
		);
		await addPlanItem(t.db, w.admin, w.groupId, item({ kind: 'seminar', responsibleId: '' }));
		await addPlanItem(
			t.db,
			w.leader,
			w.groupId,
			item({ title: 'Өткөн', dueOn: '2026-11-01', status: 'done' })
		);
		const plan = await listPlan(t.db, w.staff, w.groupId, '2026-11-25');
		expect(plan.items.map((i) => [i.title, i.dueOn, i.status, i.isOverdue])).toEqual([
			['Өткөн', '2026-11-01', 'done', false],
			['3-класста ачык сабак', '2026-11-20', 'planned', true],
			['Кийинчерээк', '2026-12-10', 'planned', false]
		]);
		expect(plan.overdue).toBe(1);
		expect(plan.items[1]!.responsibleName).toBeNull();
		expect(plan.canManage).toBe(false);
		expect((await listPlan(t.db, w.leader, w.groupId, '2026-11-25')).canManage).toBe(true);
		const december = await listPlan(t.db, w.member, w.groupId, '2026-11-25', {
			from: '2026-12-01',
			to: '2026-12-31'
		});
		expect(december.items.map((i) => i.title)).toEqual(['Кийинчерээк']);
		expect((await appError(listPlan(t.db, w.otherAdmin, w.groupId, '2026-11-25'))).code).toBe(
			'not_found'
		);
	});

	it('members and staff do not plan; the responsible person must be a current member', async () => {
		for (const actor of [w.member, w.staff, w.scientist])
			expect((await appError(addPlanItem(t.db, actor, w.groupId, item()))).code).toBe('forbidden');
		const outsider = await appError(
			addPlanItem(t.db, w.leader, w.groupId, item({ responsibleId: w.staff.id }))
		);
		expect(outsider.field).toBe('responsibleId');
		const bad = await appError(
			addPlanItem(t.db, w.leader, w.groupId, { kind: 'party', title: '', dueOn: '25.11.2026' })
		);
		const fields = (bad as unknown as { issues: { field: string; key: string }[] }).issues;
		expect(Object.fromEntries(fields.map((i) => [i.field, i.key]))).toEqual({
			kind: 'error_choice',
			title: 'error_required',
			dueOn: 'error_date'
		});
	});

	it('the responsible member reports the status; others cannot; the leader edits', async () => {
		const { itemId } = await addPlanItem(t.db, w.leader, w.groupId, item({ title: 'Семинар' }));
		await setPlanStatus(t.db, w.member, w.groupId, itemId, { status: 'done' });
		expect(
			(await appError(setPlanStatus(t.db, w.scientist, w.groupId, itemId, { status: 'planned' })))
				.code
		).toBe('forbidden');
		expect((await appError(updatePlanItem(t.db, w.member, w.groupId, itemId, item()))).code).toBe(
			'forbidden'
		);
		await updatePlanItem(
			t.db,
			w.leader,
			w.groupId,
			itemId,
			item({ title: 'Семинар (жылдырылды)', dueOn: '2027-01-15', status: 'planned' })
		);
		const found = (await listPlan(t.db, w.member, w.groupId, '2026-11-25')).items.find(
			(i) => i.id === itemId
		);
		expect(found).toMatchObject({
			title: 'Семинар (жылдырылды)',
			dueOn: '2027-01-15',
			status: 'planned'
		});
		expect(
			(await appError(setPlanStatus(t.db, w.leader, w.groupId, 'no-such-item', { status: 'done' })))
				.code
		).toBe('not_found');
	});

	it('a closed group keeps its plan read-only', async () => {
		await closeGroup(t.db, w.admin, w.groupId, { reason: 'Бүттү' });
		expect((await appError(addPlanItem(t.db, w.leader, w.groupId, item()))).messageKey).toBe(
			'error_group_closed'
		);
		const plan = await listPlan(t.db, w.member, w.groupId, '2026-11-25');
		expect(plan.canManage).toBe(false);
		expect(plan.items.every((i) => !i.canSetStatus)).toBe(true);
		await reopenGroup(t.db, w.admin, w.groupId);
	});
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { asId, type ApprobationId, type PlanItemId } from '../ids';
import { recordApprobation } from '../approbations/record-approbation';
import { createProposal } from '../proposals/create-proposal';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { closeGroup } from '../groups/close-group';
import { addPlanItem } from './add-plan-item';
import { addPlanItemInput, type AddPlanItemInput } from './input';
import { formInput } from '../../web/form-input';
import { listPlan } from './list-plan';
import { setPlanStatus } from './set-plan-status';
import { updatePlanItem } from './update-plan-item';

const t = useTestDatabase();
let w: GroupWorld;
const as = (actor: Actor) => ctxOf(t.db, actor);
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const item = (over: Partial<AddPlanItemInput> = {}): AddPlanItemInput => ({
	groupId: w.groupId,
	kind: 'open_lesson',
	title: '3-класста ачык сабак',
	dueOn: '2026-11-20',
	responsibleId: w.member.id,
	notes: '',
	...over
});

describe('the work plan', () => {
	it('the leader plans dated items; everyone who sees the group reads them in date order', async () => {
		await addPlanItem(as(w.leader), item({ title: 'Кийинчерээк', dueOn: '2026-12-10' }));
		await addPlanItem(as(w.admin), item({ kind: 'seminar', responsibleId: undefined }));
		await addPlanItem(as(w.leader), item({ title: 'Өткөн', dueOn: '2026-11-01', status: 'done' }));
		const plan = await listPlan(as(w.staff), { groupId: w.groupId, today: '2026-11-25' });
		expect(plan.items.map((i) => [i.title, i.dueOn, i.status, i.isOverdue])).toEqual([
			['Өткөн', '2026-11-01', 'done', false],
			['3-класста ачык сабак', '2026-11-20', 'planned', true],
			['Кийинчерээк', '2026-12-10', 'planned', false]
		]);
		expect(plan.overdue).toBe(1);
		expect(plan.items[1]!.responsibleName).toBeNull();
		expect(plan.canManage).toBe(false);
		expect(
			(await listPlan(as(w.leader), { groupId: w.groupId, today: '2026-11-25' })).canManage
		).toBe(true);
		const december = await listPlan(as(w.member), {
			groupId: w.groupId,
			today: '2026-11-25',
			range: {
				from: '2026-12-01',
				to: '2026-12-31'
			}
		});
		expect(december.items.map((i) => i.title)).toEqual(['Кийинчерээк']);
		expect(
			(await appError(listPlan(as(w.otherAdmin), { groupId: w.groupId, today: '2026-11-25' }))).code
		).toBe('not_found');
	});

	it('members and staff do not plan; the responsible person must be a current member', async () => {
		for (const actor of [w.member, w.staff, w.scientist])
			expect((await appError(addPlanItem(as(actor), item()))).code).toBe('forbidden');
		const outsider = await appError(addPlanItem(as(w.leader), item({ responsibleId: w.staff.id })));
		expect(outsider.field).toBe('responsibleId');
		const bad = await appError(
			addPlanItem(
				as(w.leader),
				// As a form would send it: the input is checked again inside the use case.
				formInput(
					addPlanItemInput,
					{ kind: 'party', title: '', dueOn: '25.11.2026' },
					{ groupId: w.groupId }
				)
			)
		);
		const fields = (bad as unknown as { issues: { field: string; key: string }[] }).issues;
		expect(Object.fromEntries(fields.map((i) => [i.field, i.key]))).toEqual({
			kind: 'error_choice',
			title: 'error_required',
			dueOn: 'error_date'
		});
	});

	it('the responsible member reports the status; others cannot; the leader edits', async () => {
		const { itemId } = await addPlanItem(as(w.leader), item({ title: 'Семинар' }));
		await setPlanStatus(as(w.member), { groupId: w.groupId, itemId: itemId, status: 'done' });
		expect(
			(
				await appError(
					setPlanStatus(as(w.scientist), { groupId: w.groupId, itemId: itemId, status: 'planned' })
				)
			).code
		).toBe('forbidden');
		expect((await appError(updatePlanItem(as(w.member), { ...item(), itemId }))).code).toBe(
			'forbidden'
		);
		await updatePlanItem(as(w.leader), {
			...item({ title: 'Семинар (жылдырылды)', dueOn: '2027-01-15', status: 'planned' }),
			itemId
		});
		const found = (
			await listPlan(as(w.member), { groupId: w.groupId, today: '2026-11-25' })
		).items.find((i) => i.id === itemId);
		expect(found).toMatchObject({
			title: 'Семинар (жылдырылды)',
			dueOn: '2027-01-15',
			status: 'planned'
		});
		expect(
			(
				await appError(
					setPlanStatus(as(w.leader), {
						groupId: w.groupId,
						itemId: asId<PlanItemId>('no-such-item'),
						status: 'done'
					})
				)
			).code
		).toBe('not_found');
	});

	it('a closed group keeps its plan read-only', async () => {
		await closeGroup(as(w.admin), { groupId: w.groupId, reason: 'Бүттү' });
		expect((await appError(addPlanItem(as(w.leader), item()))).messageKey).toBe(
			'error_group_closed'
		);
		const plan = await listPlan(as(w.member), { groupId: w.groupId, today: '2026-11-25' });
		expect(plan.canManage).toBe(false);
		expect(plan.items.every((i) => !i.canSetStatus)).toBe(true);
	});

	it('an approbation item links to an approbation of the group, and only that kind', async () => {
		const { approbationId } = await recordApprobation(as(w.member), {
			groupId: w.groupId,
			proposalId: (
				await createProposal(as(w.member), {
					groupId: w.groupId,
					kind: 'theme',
					title: 'Окуу марафону',
					body: 'Ар бир класс беш китеп окуйт.',
					files: [],
					maxGroupBytes: 1e9
				})
			).proposalId,
			title: 'Окуу марафону 3-класста',
			startsOn: '2026-10-01',
			endsOn: '2026-10-30',
			plan: '',
			observations: '',
			conclusion: '',
			classes: [{ name: '3-А', grade: 3, pupils: 20 }]
		});
		const { itemId } = await addPlanItem(
			as(w.leader),
			item({ kind: 'approbation', title: 'Апробация', approbationId })
		);
		const other = await addPlanItem(as(w.leader), item({ kind: 'seminar', approbationId }));
		const plan = await listPlan(as(w.member), { groupId: w.groupId, today: '2026-11-25' });
		expect(plan.approbations).toEqual([{ id: approbationId, title: 'Окуу марафону 3-класста' }]);
		expect(plan.items.find((i) => i.id === itemId)).toMatchObject({
			approbationId,
			approbationTitle: 'Окуу марафону 3-класста'
		});
		expect(plan.items.find((i) => i.id === other.itemId)!.approbationId).toBeNull();
		const wrong = await appError(
			addPlanItem(
				as(w.leader),
				item({ kind: 'approbation', approbationId: asId<ApprobationId>('no-such-approbation') })
			)
		);
		expect(wrong.field).toBe('approbationId');
	});
});

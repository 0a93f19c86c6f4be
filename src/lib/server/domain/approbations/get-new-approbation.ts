import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { newApprobationInput, type NewApprobationInput } from './input';
import { canRecordApprobation } from './policy';
import {
	approbationsAccess,
	assertOpenGroup,
	resolveTried,
	triableMaterials,
	triableProposals
} from './queries';
import { reportFormOf } from './report';

/**
 * The new-approbation page: what may be tried (the group's materials and proposals) and,
 * once one is chosen, the form with its title filled in.
 */
export async function getNewApprobation({ db, actor }: Ctx, input: NewApprobationInput) {
	const access = await approbationsAccess(db, actor, input.groupId);
	assertAllowed(canRecordApprobation(actor, access));
	assertOpenGroup(access);
	const { groupId, materialId, proposalId } = validate(newApprobationInput, input);
	const [materials, proposals, reportForm] = await Promise.all([
		triableMaterials(db, groupId),
		triableProposals(db, groupId),
		reportFormOf(db, groupId)
	]);
	let chosen = null;
	if (materialId !== undefined || proposalId !== undefined) {
		try {
			chosen = await resolveTried(db, groupId, { materialId, proposalId });
		} catch {
			throw new AppError('not_found', 'approbation_error_tried');
		}
	}
	return {
		materials: materials.map((m) => ({ id: m.id, title: m.title })),
		proposals: proposals.map((p) => ({ id: p.id, title: p.title, number: Number(p.number) })),
		chosen,
		reportForm
	};
}

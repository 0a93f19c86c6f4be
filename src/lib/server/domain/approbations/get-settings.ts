import { validate } from '../../validation';
import type { Ctx } from '../context';
import { groupAccess } from '../group-access/access';
import { groupResultsInput, type GroupResultsInput } from './input';
import { requiredOf } from './queries';

/** The group's monitoring setting as the charter page's settings form shows it. */
export async function getMonitoringSettings(
	{ db, actor }: Ctx,
	input: GroupResultsInput
): Promise<{ requiredObservations: number }> {
	const access = await groupAccess(db, actor, input.groupId);
	validate(groupResultsInput, input);
	return { requiredObservations: requiredOf(access.group) };
}

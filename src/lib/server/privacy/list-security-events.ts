import { z } from 'zod';
import type { Actor } from '../access/actor';
import { isSchoolAdmin } from '../access/actor';
import { AppError } from '../errors';
import type { Ctx } from '../domain/context';
import { securityEventKinds, type SecurityEventKind } from '../security/events';
import { validate } from '../validation';

export const SECURITY_PAGE_SIZE = 50;

export const listSecurityEventsInput = z.object({
	kind: z.enum(securityEventKinds).optional(),
	page: z.number().int().min(1).max(100_000).default(1)
});
export type ListSecurityEventsInput = z.input<typeof listSecurityEventsInput> & {
	scope: 'school' | 'deployment';
};

export interface SecurityEventView {
	id: string;
	kind: SecurityEventKind;
	createdAt: Date;
	userId: string | null;
	userName: string | null;
	actorId: string | null;
	actorName: string | null;
	ip: string | null;
}

/** The administration reads its school's events, the operator the deployment's. */
export function securityReach(actor: Actor, scope: 'school' | 'deployment') {
	if (scope === 'deployment' && actor.isOperator) return { schoolId: null };
	if (scope === 'school' && isSchoolAdmin(actor)) return { schoolId: actor.schoolId };
	throw new AppError('forbidden', 'error_forbidden');
}

/** A page of security events (newest first) within the actor's reach, by kind if asked. */
export async function listSecurityEvents(
	{ db, actor }: Ctx,
	input: ListSecurityEventsInput
): Promise<{ events: SecurityEventView[]; page: number; hasMore: boolean }> {
	const reach = securityReach(actor, input.scope);
	const { kind, page } = validate(listSecurityEventsInput, input);
	let query = db
		.selectFrom('securityEvents as e')
		.leftJoin('users as u', 'u.id', 'e.userId')
		.leftJoin('users as a', 'a.id', 'e.actorId')
		.select([
			'e.id',
			'e.kind',
			'e.createdAt',
			'e.userId',
			'u.fullName as userName',
			'e.actorId',
			'a.fullName as actorName',
			'e.ip'
		]);
	if (reach.schoolId !== null) query = query.where('e.schoolId', '=', reach.schoolId);
	if (kind) query = query.where('e.kind', '=', kind);
	const rows = await query
		.orderBy('e.createdAt', 'desc')
		.orderBy('e.id', 'desc')
		.limit(SECURITY_PAGE_SIZE + 1)
		.offset((page - 1) * SECURITY_PAGE_SIZE)
		.execute();
	return {
		events: rows
			.slice(0, SECURITY_PAGE_SIZE)
			.map((r) => ({ ...r, kind: r.kind as SecurityEventKind })),
		page,
		hasMore: rows.length > SECURITY_PAGE_SIZE
	};
}

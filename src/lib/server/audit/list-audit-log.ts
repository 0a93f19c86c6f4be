import type { Ctx } from '../domain/context';
import { validate } from '../validation';
import { AUDIT_PAGE_SIZE, listAuditLogInput, type ListAuditLogInput } from './input';
import { auditReach } from './policy';
import { auditEntries, personId, toView, type AuditEntryView } from './queries';
import { sealPending } from './seal';

export interface AuditPage {
	entries: AuditEntryView[];
	page: number;
	hasMore: boolean;
}

/** A page of the log (newest first) within the actor's reach, filtered. */
export async function listAuditLog(
	{ db, actor }: Ctx,
	input: ListAuditLogInput & { timeZone: string }
): Promise<AuditPage> {
	const reach = auditReach(actor, input.scope);
	const { page, ...filters } = validate(listAuditLogInput, input);
	// What the triggers caught a moment ago is shown too.
	await sealPending(db);
	const rows = await auditEntries(
		db,
		reach,
		{ ...filters, actorId: await personId(db, filters.person) },
		input.timeZone
	)
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((page - 1) * AUDIT_PAGE_SIZE)
		.execute();
	return {
		entries: rows.slice(0, AUDIT_PAGE_SIZE).map(toView),
		page,
		hasMore: rows.length > AUDIT_PAGE_SIZE
	};
}

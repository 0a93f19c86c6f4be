import type { Ctx } from '../domain/context';
import { validate } from '../validation';
import { AUDIT_EXPORT_MAX, listAuditLogInput, type ListAuditLogInput } from './input';
import { auditReach } from './policy';
import { auditEntries, personId, toView, type AuditEntryView } from './queries';
import { sealPending } from './seal';

/** The filtered log for a file, newest first, at most AUDIT_EXPORT_MAX entries. */
export async function exportAuditLog(
	{ db, actor }: Ctx,
	input: ListAuditLogInput & { timeZone: string }
): Promise<AuditEntryView[]> {
	const reach = auditReach(actor, input.scope);
	const filters = validate(listAuditLogInput, input);
	await sealPending(db);
	const rows = await auditEntries(
		db,
		reach,
		{ ...filters, actorId: await personId(db, filters.person) },
		input.timeZone
	)
		.limit(AUDIT_EXPORT_MAX)
		.execute();
	return rows.map(toView);
}

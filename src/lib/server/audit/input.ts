import { z } from 'zod';
import { day } from '../validation';
import { groupId } from '../domain/ids';

export const auditOps = ['insert', 'update', 'delete'] as const;
export type AuditOp = (typeof auditOps)[number];

/** Entries per page; the CSV export takes at most `AUDIT_EXPORT_MAX` (the newest). */
export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX = 50_000;

/** The log's filters, as the page's GET parameters give them. */
export const auditFilterFields = z.object({
	/** Who made the change: a person's id, or their email. */
	person: z.string().trim().min(1).max(254).optional(),
	groupId: groupId.optional(),
	/** The kind of change. */
	op: z.enum(auditOps).optional(),
	/** What was changed: a table's name. */
	table: z
		.string()
		.regex(/^[a-z][a-z0-9_]{0,62}$/)
		.optional(),
	/** The period, days inclusive, in the deployment's time zone. */
	from: day.optional(),
	to: day.optional()
});

export const listAuditLogInput = auditFilterFields.extend({
	/** 'school': the administration's own school; 'deployment': the operator's whole log. */
	scope: z.enum(['school', 'deployment']),
	page: z.number().int().min(1).max(100_000).default(1)
});
export type ListAuditLogInput = z.input<typeof listAuditLogInput>;
export type AuditFilters = z.output<typeof auditFilterFields>;

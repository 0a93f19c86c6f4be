import { newId } from '../db/ids';
import type { DB } from '../db/types';

// Security events (issue 16): sign-ins and their failures, lockouts, reset links issued and
// used, role changes, deactivations, operator actions, secret votes opened and closed. One
// row each in security_events, a table audited like every other, so each event is also an
// entry of the tamper-evident audit log (src/lib/server/audit) with the request it came from.

export const securityEventKinds = [
	'sign_in',
	'sign_in_failed',
	'locked_out',
	'two_factor_enabled',
	'two_factor_disabled',
	'two_factor_failed',
	'recovery_code_used',
	'reset_issued',
	'reset_requested',
	'reset_used',
	'password_changed',
	'role_changed',
	'deactivated',
	'reactivated',
	'operator_granted',
	'operator_revoked',
	'settings_changed',
	'secret_vote_opened',
	'secret_vote_closed',
	'personal_data_exported',
	'personal_data_erased'
] as const;

export type SecurityEventKind = (typeof securityEventKinds)[number];

export interface SecurityEvent {
	kind: SecurityEventKind;
	/** Whom it concerns. */
	userId?: string | null;
	/** Who did it, when not the person themselves. */
	actorId?: string | null;
	schoolId?: string | null;
	ip?: string | null;
	/** What else the kind needs to be understood (no secrets: it is logged). */
	detail?: Record<string, string | number | boolean | null>;
}

/** Records one event. Call it inside the use case's transaction, so it exists with its change. */
export async function recordSecurityEvent(db: DB, event: SecurityEvent, now = new Date()) {
	await db
		.insertInto('securityEvents')
		.values({
			id: newId(),
			kind: event.kind,
			userId: event.userId ?? null,
			actorId: event.actorId ?? null,
			schoolId: event.schoolId ?? null,
			ip: event.ip?.slice(0, 100) ?? null,
			detail: event.detail ? JSON.stringify(event.detail) : null,
			createdAt: now
		})
		.execute();
}

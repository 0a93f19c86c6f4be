import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { changeStaffRole } from '$lib/server/domain/accounts/change-staff-role';
import { deactivateAccount } from '$lib/server/domain/accounts/deactivate-account';
import { getStaffMember } from '$lib/server/domain/accounts/get-staff-member';
import { issuePasswordReset } from '$lib/server/domain/accounts/issue-password-reset';
import { reactivateAccount } from '$lib/server/domain/accounts/reactivate-account';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { formatDate } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { categoryName, roleName } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const db = database();
	const { timeZone } = config();
	const member = await orHttpError(getStaffMember(db, actor, params.userId));
	const subjects = await listSubjects(actorCtx(locals), { locale: locals.locale });
	const names = new Map(subjects.map((s) => [s.id, s.name]));
	return {
		member: {
			id: member.id,
			fullName: member.fullName,
			email: member.email,
			role: member.role,
			roleName: roleName(member.role),
			isActive: member.isActive,
			isMe: member.id === actor.id,
			experienceYears: member.experienceYears,
			category: member.qualificationCategory ? categoryName(member.qualificationCategory) : null,
			subjects: member.subjectIds.map((id) => names.get(id) ?? id),
			joined: formatDate(member.createdAt, locals.locale, timeZone),
			deactivated: member.deactivatedAt
				? formatDate(member.deactivatedAt, locals.locale, timeZone)
				: null,
			activeSessions: member.activeSessions
		}
	};
};

export const actions: Actions = {
	deactivate: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await deactivateAccount(database(), actor, params.userId);
			return { done: 'deactivated' as const };
		});
	},
	reactivate: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await reactivateAccount(database(), actor, params.userId);
			return { done: 'reactivated' as const };
		});
	},
	reset: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			const reset = await issuePasswordReset(database(), actor, params.userId);
			return {
				done: 'reset' as const,
				reset: {
					url: reset.url,
					expires: formatDate(reset.expiresAt, locals.locale, config().timeZone)
				}
			};
		});
	},
	role: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await changeStaffRole(database(), actor, params.userId, values);
			return { done: 'role' as const };
		});
	}
};

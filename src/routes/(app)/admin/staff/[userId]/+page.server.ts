import { actorCtx } from '$lib/server/web/context';
import { config } from '$lib/server/config.js';
import { changeStaffRole } from '$lib/server/domain/accounts/change-staff-role';
import { deactivateAccount } from '$lib/server/domain/accounts/deactivate-account';
import { getStaffMember } from '$lib/server/domain/accounts/get-staff-member';
import { accountActionInput, changeStaffRoleInput } from '$lib/server/domain/accounts/input-admin';
import { issuePasswordReset } from '$lib/server/domain/accounts/issue-password-reset';
import { reactivateAccount } from '$lib/server/domain/accounts/reactivate-account';
import { turnOffTwoFactor } from '$lib/server/domain/accounts/turn-off-two-factor';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { formatDate } from '$lib/i18n/format';
import { asId, type UserId } from '$lib/server/domain/ids';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { categoryName, roleName } from '$lib/server/web/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const { actor } = ctx;
	const { timeZone } = config();
	const member = await orHttpError(getStaffMember(ctx, { userId: asId<UserId>(params.userId) }));
	const subjects = await listSubjects(ctx, { locale: locals.locale });
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
			activeSessions: member.activeSessions,
			hasTwoFactor: member.hasTwoFactor,
			isOperator: member.isOperator,
			canManage: member.canManage
		}
	};
};

/** Each action names the account by the URL and is confirmed by the actor's own password. */
export const actions: Actions = {
	deactivate: async (event) => {
		const ctx = actorCtx(event.locals);
		const userId = asId<UserId>(event.params.userId);
		const ip = event.getClientAddress();
		return runForm(event, async (values) => {
			await deactivateAccount(ctx, { ...formInput(accountActionInput, values, { userId }), ip });
			return { done: 'deactivated' as const };
		});
	},
	reactivate: async (event) => {
		const ctx = actorCtx(event.locals);
		const userId = asId<UserId>(event.params.userId);
		const ip = event.getClientAddress();
		return runForm(event, async (values) => {
			await reactivateAccount(ctx, { ...formInput(accountActionInput, values, { userId }), ip });
			return { done: 'reactivated' as const };
		});
	},
	reset: async (event) => {
		const ctx = actorCtx(event.locals);
		const { locale } = event.locals;
		const userId = asId<UserId>(event.params.userId);
		const ip = event.getClientAddress();
		return runForm(event, async (values) => {
			const reset = await issuePasswordReset(ctx, {
				...formInput(accountActionInput, values, { userId }),
				ip
			});
			return {
				done: 'reset' as const,
				reset: {
					url: reset.url,
					expires: formatDate(reset.expiresAt, locale, config().timeZone)
				}
			};
		});
	},
	twoFactor: async (event) => {
		const ctx = actorCtx(event.locals);
		const userId = asId<UserId>(event.params.userId);
		const ip = event.getClientAddress();
		return runForm(event, async (values) => {
			await turnOffTwoFactor(ctx, { ...formInput(accountActionInput, values, { userId }), ip });
			return { done: 'twoFactor' as const };
		});
	},
	role: async (event) => {
		const ctx = actorCtx(event.locals);
		const userId = asId<UserId>(event.params.userId);
		const ip = event.getClientAddress();
		return runForm(event, async (values) => {
			await changeStaffRole(ctx, { ...formInput(changeStaffRoleInput, values, { userId }), ip });
			return { done: 'role' as const };
		});
	}
};

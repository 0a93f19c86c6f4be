import { config } from '$lib/server/config.js';
import { deactivateAccount } from '$lib/server/domain/accounts/deactivate-account';
import { grantOperator } from '$lib/server/domain/accounts/grant-operator';
import {
	accountActionInput,
	grantOperatorInput,
	type AccountActionInput
} from '$lib/server/domain/accounts/input-admin';
import { issuePasswordReset } from '$lib/server/domain/accounts/issue-password-reset';
import { listOperators } from '$lib/server/domain/accounts/list-operators';
import { reactivateAccount } from '$lib/server/domain/accounts/reactivate-account';
import { revokeOperator } from '$lib/server/domain/accounts/revoke-operator';
import { formatDate } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const operators = await orHttpError(listOperators(actorCtx(locals)));
	return { operators };
};

type Event = Parameters<Actions[string]>[0];

/** An action on one operator's account (the form's `userId`), confirmed by the password. */
function onOperator<T>(
	run: (
		ctx: ReturnType<typeof actorCtx>,
		input: AccountActionInput & { ip: string },
		event: Event
	) => Promise<T>
) {
	return async (event: Event) => {
		const ctx = actorCtx(event.locals);
		const ip = event.getClientAddress();
		return runForm(
			event,
			async (values) => run(ctx, { ...formInput(accountActionInput, values), ip }, event),
			{ id: 'userId' }
		);
	};
}

export const actions: Actions = {
	grant: async (event) => {
		const ctx = actorCtx(event.locals);
		const ip = event.getClientAddress();
		return runForm(event, async (values) => {
			const granted = await grantOperator(ctx, { ...formInput(grantOperatorInput, values), ip });
			return { done: 'granted' as const, name: granted.fullName };
		});
	},
	revoke: onOperator(async (ctx, input) => {
		await revokeOperator(ctx, input);
		return { done: 'revoked' as const, id: input.userId };
	}),
	deactivate: onOperator(async (ctx, input) => {
		await deactivateAccount(ctx, input);
		return { done: 'deactivated' as const, id: input.userId };
	}),
	reactivate: onOperator(async (ctx, input) => {
		await reactivateAccount(ctx, input);
		return { done: 'reactivated' as const, id: input.userId };
	}),
	reset: onOperator(async (ctx, input, event) => {
		const reset = await issuePasswordReset(ctx, input);
		return {
			done: 'reset' as const,
			id: input.userId,
			reset: {
				url: reset.url,
				expires: formatDate(reset.expiresAt, event.locals.locale, config().timeZone)
			}
		};
	})
};

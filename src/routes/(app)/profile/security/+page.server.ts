import { redirect } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import { confirmTwoFactor } from '$lib/server/domain/accounts/confirm-two-factor';
import { disableTwoFactor } from '$lib/server/domain/accounts/disable-two-factor';
import { getTwoFactor } from '$lib/server/domain/accounts/get-two-factor';
import {
	confirmTwoFactorInput,
	disableTwoFactorInput,
	regenerateRecoveryCodesInput
} from '$lib/server/domain/accounts/input-signin';
import { regenerateRecoveryCodes } from '$lib/server/domain/accounts/regenerate-recovery-codes';
import { startTwoFactor } from '$lib/server/domain/accounts/start-two-factor';
import { twoFactorSeals } from '$lib/server/two-factor-key';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import type { Actions, PageServerLoad } from './$types';

// Two-factor sign-in for oneself. Recovery codes are shown once, in the answer to the form
// that made them (never stored in the clear, so never shown again after a redirect).

export const load: PageServerLoad = async ({ locals, url }) => {
	const status = await getTwoFactor(actorCtx(locals), { seal: twoFactorSeals() });
	return {
		...status,
		// The QR code as an SVG picture (a data: address, allowed by the CSP's img-src).
		qrImage: status.pending
			? `data:image/svg+xml;base64,${Buffer.from(renderSVG(status.pending.uri, { pixelSize: 4 })).toString('base64')}`
			: null,
		disabled: url.searchParams.has('disabled')
	};
};

export const actions: Actions = {
	start: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, () => startTwoFactor(ctx, { seal: twoFactorSeals() }));
		if (result) return result;
		redirect(303, '/profile/security');
	},
	confirm: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, (values) =>
			confirmTwoFactor(ctx, {
				...formInput(confirmTwoFactorInput, values),
				seal: twoFactorSeals()
			})
		);
	},
	regenerate: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, (values) =>
			regenerateRecoveryCodes(ctx, {
				...formInput(regenerateRecoveryCodesInput, values),
				seal: twoFactorSeals()
			})
		);
	},
	disable: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, (values) =>
			disableTwoFactor(ctx, {
				...formInput(disableTwoFactorInput, values),
				seal: twoFactorSeals(),
				ip: event.getClientAddress()
			})
		);
		if (result) return result;
		redirect(303, '/profile/security?disabled=1');
	}
};

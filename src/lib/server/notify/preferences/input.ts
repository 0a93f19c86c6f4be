import { z } from 'zod';
import { emailChoices, kindRule, notificationKinds, type NotificationKind } from '../kinds';

// The notification settings as the form sends them: per kind, the email choice and (when the
// person's Telegram is linked) whether it goes there too.

const kind = z.enum(notificationKinds as [NotificationKind, ...NotificationKind[]]);

export const saveNotificationSettingsInput = z.object({
	settings: z
		.array(
			z.object({
				kind,
				email: z.enum(emailChoices as ['instant', 'daily', 'weekly', 'off']),
				/** Left out: unchanged (the box is shown only while Telegram is linked). */
				telegram: z.boolean().optional()
			})
		)
		.max(notificationKinds.length)
		.refine((list) => new Set(list.map((s) => s.kind)).size === list.length, 'error_invalid')
});
export type SaveNotificationSettingsInput = z.input<typeof saveNotificationSettingsInput>;

/** The form's fields (`email:<kind>`, `telegram:<kind>`) as the use case's input. */
export function settingsFromForm(
	values: Record<string, string | string[]>,
	withTelegram: boolean
): SaveNotificationSettingsInput {
	const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
	return {
		settings: notificationKinds
			// Security notices are always sent: the form has no choice for them.
			.filter((k) => kindRule(k).area !== 'account' && values[`email:${k}`] !== undefined)
			.map((k) => ({
				kind: k,
				email: one(values[`email:${k}`]) as 'instant',
				...(withTelegram ? { telegram: values[`telegram:${k}`] !== undefined } : {})
			}))
	};
}

export const unsubscribeInput = z.object({ token: z.string().max(300) });
export type UnsubscribeInput = z.input<typeof unsubscribeInput>;

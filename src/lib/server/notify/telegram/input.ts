import { z } from 'zod';

// The linking use cases act on the signed-in person's own link only: nothing in their input
// names another account.

export const startLinkingInput = z.object({});
export type StartLinkingInput = z.input<typeof startLinkingInput>;

export const unlinkTelegramInput = z.object({});
export type UnlinkTelegramInput = z.input<typeof unlinkTelegramInput>;

export const telegramStatusInput = z.object({
	/** The code this browser was shown (a cookie), shown again while it is pending. */
	code: z.string().max(64).optional()
});
export type TelegramStatusInput = z.input<typeof telegramStatusInput>;

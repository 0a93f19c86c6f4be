import type { Actor } from '$lib/server/access/actor';
import type { Locale } from '$lib/i18n/locale';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			actor: Actor | null;
			sessionId: string | null;
			locale: Locale;
			/** Set when a signed-in user may not see this page: the group layout answers 403. */
			denied: boolean;
		}
	}
}

export {};

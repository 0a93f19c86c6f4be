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
			/** The signed-in session, and how it began. */
			session: {
				id: string;
				/** "This is a shared computer" was ticked: it ends with the browser, or 2 h unused. */
				isSharedComputer: boolean;
				/** Must set up two-factor sign-in before anything else (/profile/security). */
				needsTwoFactorSetup: boolean;
			} | null;
			locale: Locale;
			/** Set when a signed-in user may not see this page: the group layout answers 403. */
			denied: boolean;
			/** What a form posted just before left for this page (web/form-results.ts). */
			formResult: import('$lib/server/web/form-results').FormResult | null;
			/** A form action's success, for redirect-after-post (web/forms.ts → hooks.server.ts). */
			actionResult?: { value: unknown };
		}
	}
}

export {};

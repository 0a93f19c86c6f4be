import { signedIn } from './rules';
import type { RouteAccess } from './routes';

/**
 * C5 (§5.3: information-collection forms and questionnaires): the use cases decide by group
 * and role (domain/forms/policy.ts): the leader and the administration build, send and read
 * the answers; members answer and see the summary once it is shared; another school: 404.
 */
export const formRoutes: Record<string, RouteAccess> = {
	'/(app)/groups/[groupId]/forms': {
		page: signedIn,
		actions: { create: signedIn, adopt: signedIn }
	},
	'/(app)/groups/[groupId]/forms/[formId]': {
		page: signedIn,
		actions: {
			details: signedIn,
			addField: signedIn,
			updateField: signedIn,
			removeField: signedIn,
			moveField: signedIn,
			reorder: signedIn,
			archive: signedIn,
			unarchive: signedIn,
			send: signedIn
		}
	},
	'/(app)/groups/[groupId]/questionnaires/[questionnaireId]': {
		page: signedIn,
		actions: { answer: signedIn, close: signedIn, share: signedIn },
		// Answers to file questions are streamed (web/uploads.ts).
		bodies: { answer: 'uploads' }
	},
	'/(app)/groups/[groupId]/questionnaires/[questionnaireId]/files/[fileId]': {
		endpoint: { GET: signedIn }
	},
	'/(app)/groups/[groupId]/questionnaires/[questionnaireId]/responses.csv': {
		endpoint: { GET: signedIn }
	},
	'/(app)/groups/[groupId]/questionnaires/[questionnaireId]/responses.xlsx': {
		endpoint: { GET: signedIn }
	}
};

import { operatorRoutes } from './routes-operator';
import { docxRoutes } from './routes-docx';
import { importRoutes } from './routes-import';
import { ballotRoutes } from './routes-ballot';
import { signinRoutes } from './routes-signin';
import { webRoutes } from './routes-web';
import { privacyRoutes } from './routes-privacy';
import { approbationRoutes } from './routes-approbation';
import { formRoutes } from './routes-forms';
import { publicationsRoutes } from './routes-publications';
import { catalogRoutes } from './routes-catalog';
import { documentsRoutes } from './routes-documents';
import { machinesRoutes } from './routes-machines';
import { emailRoutes } from './routes-email';
import { telegramRoutes } from './routes-telegram';
import { calendarRoutes } from './routes-calendar';
import { searchRoutes } from './routes-search';
import { auditRoutes } from './routes-audit';
import { inboxRoutes } from './routes-inbox';
import { shellRoutes } from './routes-shell';
import { groupRoutes } from './routes-group';
import { facesRoutes } from './routes-faces';
import { homeRoutes } from './routes-home';
import { decisionsRoutes } from './routes-decisions';
import { workRoutes } from './routes-work';
import { anyone, operator, schoolAdmin, signedIn, type Rule } from './rules';

/** A material's form: a body with pasted pictures, or a Word file to import (20 MB). */
const materialFormBytes = 25 * 1024 * 1024;

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may use a route: its page (GET), each form action (POST), or an endpoint's methods. */
export interface RouteAccess {
	page?: Rule;
	actions?: Record<string, Rule>;
	endpoint?: Partial<Record<HttpMethod, Rule>>;
	/**
	 * The largest request body of a form action: 'uploads' streams files (up to MAX_FILE_MB
	 * each); a number is bytes for a form read whole. Any action not named here: 1 MB.
	 */
	bodies?: Record<string, 'uploads' | number>;
}

/**
 * THE place where every route declares who may use it, keyed by SvelteKit route id.
 * hooks.server.ts enforces it before anything else runs; a route missing here answers 500,
 * and tests/integration/permissions.test.ts fails. Coarse rules only: the use case behind
 * each route checks the exact target (same school, same group) in its policy.
 */
export const routeAccess: Record<string, RouteAccess> = {
	'/healthz': { endpoint: { GET: anyone, HEAD: anyone } },
	'/language': { endpoint: { POST: anyone } },
	'/signout': { endpoint: { POST: anyone } },

	'/(public)': { page: anyone },
	'/(public)/setup': { page: anyone, actions: { default: anyone } },
	'/(public)/signin': { page: anyone, actions: { default: anyone } },
	'/(public)/forgot': { page: anyone, actions: { default: anyone } },
	'/(public)/invite/[token]': { page: anyone, actions: { default: anyone } },
	'/(public)/reset/[token]': { page: anyone, actions: { default: anyone } },

	'/(app)/home': { page: signedIn },
	'/(app)/admin/staff': {
		page: schoolAdmin,
		actions: { invite: schoolAdmin, revoke: schoolAdmin }
	},
	'/(app)/admin/staff/[userId]': {
		page: schoolAdmin,
		actions: {
			deactivate: schoolAdmin,
			reactivate: schoolAdmin,
			reset: schoolAdmin,
			twoFactor: schoolAdmin,
			role: schoolAdmin
		}
	},
	'/(app)/admin/school': { page: schoolAdmin, actions: { save: schoolAdmin } },
	'/(app)/operator/schools': { page: operator, actions: { add: operator } },
	'/(app)/operator/subjects': { page: operator, actions: { add: operator } },
	// Groups: any signed-in user may ask; the use cases decide by school and by the actor's
	// place in the group (policy.ts of groups, plan, meetings), answering 404 or 403.
	'/(app)/groups': { page: signedIn },
	'/(app)/groups/new': { page: schoolAdmin, actions: { default: schoolAdmin } },
	'/(app)/groups/[groupId]': {
		page: signedIn,
		actions: {
			join: signedIn,
			withdraw: signedIn,
			respond: signedIn,
			leave: signedIn,
			close: signedIn,
			reopen: schoolAdmin
		}
	},
	'/(app)/groups/[groupId]/charter': {
		page: signedIn,
		actions: { save: signedIn, settings: signedIn }
	},
	'/(app)/groups/[groupId]/revisions': { page: signedIn },
	'/(app)/groups/[groupId]/members': {
		page: signedIn,
		actions: {
			decide: signedIn,
			invite: signedIn,
			external: signedIn,
			withdraw: signedIn,
			leader: schoolAdmin
		}
	},
	'/(app)/groups/[groupId]/materials': { page: signedIn },
	'/(app)/groups/[groupId]/materials/new': {
		page: signedIn,
		actions: { default: signedIn },
		// Streamed: a Word file to import and files to attach (issue 18).
		bodies: { default: 'uploads' }
	},
	'/(app)/groups/[groupId]/materials/[materialId]': {
		page: signedIn,
		actions: {
			offer: signedIn,
			decide: signedIn,
			comment: signedIn,
			upload: signedIn,
			remove: signedIn
		},
		bodies: { upload: 'uploads' }
	},
	'/(app)/groups/[groupId]/materials/[materialId]/edit': {
		page: signedIn,
		actions: { save: signedIn, import: signedIn },
		bodies: { save: materialFormBytes, import: materialFormBytes }
	},
	'/(app)/groups/[groupId]/materials/[materialId]/versions': { page: signedIn },
	'/(app)/groups/[groupId]/materials/[materialId]/review': {
		page: signedIn,
		actions: { default: signedIn }
	},
	'/(app)/groups/[groupId]/materials/[materialId]/files/[attachmentId]': {
		endpoint: { GET: signedIn }
	},
	'/(app)/groups/[groupId]/materials/[materialId]/files/[attachmentId]/preview': {
		page: signedIn
	},
	'/(app)/groups/[groupId]/materials/[materialId]/images/[key]': { endpoint: { GET: signedIn } },
	'/(app)/groups/[groupId]/criteria': { page: signedIn, actions: { save: signedIn } },
	'/(app)/materials': { page: signedIn },
	'/(app)/groups/[groupId]/plan': { page: signedIn, actions: { add: signedIn, status: signedIn } },
	'/(app)/groups/[groupId]/plan/[itemId]': { page: signedIn, actions: { save: signedIn } },
	'/(app)/groups/[groupId]/meetings': { page: signedIn, actions: { create: signedIn } },
	'/(app)/groups/[groupId]/meetings/[meetingId]': {
		page: signedIn,
		actions: { save: signedIn, cancel: signedIn }
	},
	'/(app)/groups/[groupId]/meetings/[meetingId]/minutes.docx': { endpoint: { GET: signedIn } },
	// Proposals, discussions, votes and decisions (C4): members and the admin; the use cases
	// decide by the actor's place (domain/proposals, discussions, votes policy.ts).
	'/(app)/groups/[groupId]/proposals': { page: signedIn },
	'/(app)/groups/[groupId]/proposals/new': {
		page: signedIn,
		actions: { default: signedIn },
		bodies: { default: 'uploads' }
	},
	'/(app)/groups/[groupId]/proposals/[proposalId]': {
		page: signedIn,
		actions: {
			analyze: signedIn,
			discuss: signedIn,
			return: signedIn,
			withdraw: signedIn,
			post: signedIn,
			edit: signedIn
		}
	},
	'/(app)/groups/[groupId]/proposals/[proposalId]/files/[attachmentId]': {
		endpoint: { GET: signedIn }
	},
	'/(app)/groups/[groupId]/discussions': { page: signedIn, actions: { start: signedIn } },
	'/(app)/groups/[groupId]/discussions/[threadId]': {
		page: signedIn,
		actions: { post: signedIn, edit: signedIn }
	},
	'/(app)/groups/[groupId]/votes': { page: signedIn },
	'/(app)/groups/[groupId]/votes/new': { page: signedIn, actions: { default: signedIn } },
	'/(app)/groups/[groupId]/votes/[voteId]': {
		page: signedIn,
		actions: { cast: signedIn, close: signedIn, record: signedIn }
	},
	'/(app)/groups/[groupId]/decisions': { page: signedIn },
	// Methodological collections (C6): members and the admin see them, the leader edits and
	// compiles (domain/collections/policy.ts).
	'/(app)/groups/[groupId]/collections': { page: signedIn },
	'/(app)/groups/[groupId]/collections/new': { page: signedIn, actions: { default: signedIn } },
	'/(app)/groups/[groupId]/collections/[collectionId]': {
		page: signedIn,
		actions: {
			addSection: signedIn,
			updateSection: signedIn,
			removeSection: signedIn,
			moveSection: signedIn,
			addItem: signedIn,
			note: signedIn,
			results: signedIn,
			removeItem: signedIn,
			moveItem: signedIn,
			reorder: signedIn,
			compile: signedIn
		}
	},
	'/(app)/groups/[groupId]/collections/[collectionId]/edit': {
		page: signedIn,
		actions: { default: signedIn }
	},
	'/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]': {
		page: signedIn,
		actions: { retry: signedIn, approve: signedIn }
	},
	'/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/web': { page: signedIn },
	'/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/collection.docx': {
		endpoint: { GET: signedIn }
	},
	'/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/collection.pdf': {
		endpoint: { GET: signedIn }
	},
	'/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/images/[key]': {
		endpoint: { GET: signedIn }
	},
	'/(app)/operator/schools/[schoolId]': {
		page: operator,
		actions: { save: operator, invite: operator }
	},
	// C5: each capability's routes in its own file, the same rules.
	...formRoutes,
	...approbationRoutes,
	// C7: results made known.
	...publicationsRoutes,
	...catalogRoutes,
	...documentsRoutes,
	...machinesRoutes,
	// C8: nobody misses their turn.
	...emailRoutes,
	...telegramRoutes,
	...calendarRoutes,
	...searchRoutes,
	...auditRoutes,
	...inboxRoutes,
	...operatorRoutes,
	...docxRoutes,
	...importRoutes,
	...ballotRoutes,
	...signinRoutes,
	...webRoutes,
	...privacyRoutes,
	// Issue 17: the workspace.
	...shellRoutes,
	...groupRoutes,
	...facesRoutes,
	...homeRoutes,
	...decisionsRoutes,
	...workRoutes
};

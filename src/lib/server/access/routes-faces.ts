import type { RouteAccess } from './routes';
import { signedIn } from './rules';

// Routes added by issue 17's faces part.
export const facesRoutes: Record<string, RouteAccess> = {
	// The whole profile entry (it replaces routes.ts's): the photo form streams its file, and
	// the use case refuses any account but one's own.
	'/(app)/profile': {
		page: signedIn,
		actions: { save: signedIn, password: signedIn, photo: signedIn, removePhoto: signedIn },
		bodies: { photo: 'uploads' }
	},
	// A person's photo: the use case answers 404 to whoever may not see the person.
	'/(app)/people/[userId]/photo': { endpoint: { GET: signedIn } }
};

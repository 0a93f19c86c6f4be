import type { RouteAccess } from './routes';
import { anyone } from './rules';

/**
 * C7 (machines): feeds, the sitemap, robots.txt and OAI-PMH are for anyone. They only ever
 * read publications to interested parties (domain/publications/public-records.ts).
 */
export const machinesRoutes: Record<string, RouteAccess> = {
	'/feed.atom': { endpoint: { GET: anyone, HEAD: anyone } },
	'/(public)/s/[slug]/feed.atom': { endpoint: { GET: anyone, HEAD: anyone } },
	'/(public)/catalog/subjects/[subjectId]/feed.atom': { endpoint: { GET: anyone, HEAD: anyone } },
	'/sitemap.xml': { endpoint: { GET: anyone, HEAD: anyone } },
	'/robots.txt': { endpoint: { GET: anyone, HEAD: anyone } },
	'/oai': { endpoint: { GET: anyone, POST: anyone } }
};

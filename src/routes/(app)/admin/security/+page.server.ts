import { loadSecurityPage } from '$lib/server/privacy/web';
import type { PageServerLoad } from './$types';

/** Security events within reach (privacy/list-security-events.ts checks the scope again). */
export const load: PageServerLoad = ({ locals, url }) => loadSecurityPage(locals, url, 'school');

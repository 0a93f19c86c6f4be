import { loadAuditPage } from '$lib/server/audit/web';
import type { PageServerLoad } from './$types';

/** The whole deployment's audit log: the operator (audit/policy.ts). */
export const load: PageServerLoad = ({ locals, url }) => loadAuditPage(locals, url, 'deployment');

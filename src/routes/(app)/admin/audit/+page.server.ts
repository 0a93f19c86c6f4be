import { loadAuditPage } from '$lib/server/audit/web';
import type { PageServerLoad } from './$types';

/** The school's audit log: the administration of that school only (audit/policy.ts). */
export const load: PageServerLoad = ({ locals, url }) => loadAuditPage(locals, url, 'school');

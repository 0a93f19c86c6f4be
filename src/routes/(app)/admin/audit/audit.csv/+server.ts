import { auditCsvResponse } from '$lib/server/audit/web';
import type { RequestHandler } from './$types';

/** The school's audit log as CSV, with the page's filters. */
export const GET: RequestHandler = ({ locals, url }) => auditCsvResponse(locals, url, 'school');

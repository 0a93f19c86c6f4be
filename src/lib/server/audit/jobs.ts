import { registerPeriodic } from '../jobs/runner';
import { sealPending } from './seal';

// Seals what the audit triggers captured, every minute (the log pages and `npm run
// audit:verify` seal on demand too).
registerPeriodic('audit.seal', 60_000, async (_job, { db }) => {
	await sealPending(db);
});

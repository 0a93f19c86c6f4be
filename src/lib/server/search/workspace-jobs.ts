import { registerPeriodic } from '../jobs/runner';
import { log } from '../log';
import { allGroupIds, syncWorkspace } from './workspace-sync';

// The workspace index's sweep (imported once by hooks.server.ts): every few minutes every
// group is compared with its sources, so that a search finds little left to catch up on
// and a group nobody searched for long is still current when someone does.

export const WORKSPACE_SWEEP = 'search.workspace_sweep';
const EVERY_MS = 10 * 60 * 1000;
/** Groups per step: the job renews its claim between steps. */
const STEP = 50;

registerPeriodic(WORKSPACE_SWEEP, EVERY_MS, async (_job, { db, heartbeat }) => {
	const groups = await allGroupIds(db);
	let indexed = 0;
	let removed = 0;
	for (let i = 0; i < groups.length; i += STEP) {
		const done = await syncWorkspace(db, groups.slice(i, i + STEP));
		indexed += done.indexed;
		removed += done.removed;
		if (!(await heartbeat())) return;
	}
	if (indexed + removed > 0) log.info({ indexed, removed }, 'workspace index swept');
});

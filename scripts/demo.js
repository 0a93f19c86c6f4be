// `npm run demo`: a fresh data folder with a Kyrgyz school full of sample data, then the app.
// DATA_DIR defaults to ./demo-data (wiped each time); with DATABASE_URL the database must be empty.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, root } from './lib/build.js';

if (!process.env.DATABASE_URL) {
	process.env.DATA_DIR ||= path.join(root, 'demo-data');
	fs.rmSync(process.env.DATA_DIR, { recursive: true, force: true });
}
buildIfNeeded();

const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], {
	cwd: root,
	env: { ...process.env, LOG_LEVEL: 'warn' },
	stdio: ['ignore', 'inherit', 'inherit']
});
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

process.env.USTAT_SKIP_BUILD = '1';
await import('./start.js');

// Registers the Telegram jobs when imported (hooks.server.ts): delivering an event's
// notifications, and reading the bot's messages (linking) every 20 s.
import { registerJob, registerPeriodic } from '../../jobs/runner';
import { TELEGRAM_JOB } from '../notify';
import { deliverTelegram, giveUp } from './deliver';
import { telegramConfigured } from './settings';
import { readBotUpdates } from './updates';

export const TELEGRAM_UPDATES_JOB = 'telegram.updates';
const UPDATES_EVERY_MS = 20_000;

registerJob(
	TELEGRAM_JOB,
	(job, { db, heartbeat }) => deliverTelegram(db, job, heartbeat),
	(db, job) => giveUp(db, job)
);

/** The sweep that reads the bot's updates; only with a bot, so no empty job every 20 s. */
export function registerTelegramSweep(): void {
	registerPeriodic(TELEGRAM_UPDATES_JOB, UPDATES_EVERY_MS, async (_job, { db }) => {
		await readBotUpdates(db, new Date());
	});
}
if (telegramConfigured()) registerTelegramSweep();

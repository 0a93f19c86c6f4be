import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../errors';
import { onPostgres } from '../db/audit-capture';
import { newId } from '../db/ids';
import type { DB } from '../db/types';
import { validate } from '../validation';
import { recordSecurityEvent } from '../security/events';
import type { Ctx } from '../domain/context';
import { hashPassword, verifyPassword } from '../domain/accounts/password';
import { deletePhotoFiles } from '../domain/accounts/photos';
import { countActiveAdmins, findUserById } from '../domain/accounts/queries';
import { indexInCatalog } from '../domain/publications/catalog';
import { syncWorkspace } from '../search';
import { erasePersonalDataInput, type ErasePersonalDataInput } from './input';
import { camel, loose } from './loose';
import { canHandleDataRequestOf } from './policy';
import { isPersonal, personalDataTables } from './tables';

/** The domain of the addresses erased accounts get: `.invalid` can never receive mail (RFC 2606). */
export const ERASED_EMAIL_DOMAIN = 'erased.invalid';

export interface ErasureResult {
	/** What the account is called from now on. */
	keptName: string;
}

/**
 * Handles an erasure request (law "On personal information"): the account is anonymized,
 * what only serves the person (sessions, second factor, links, preferences, deliveries) is
 * deleted, and what the group's record must keep (authorship, minutes, votes taken part in,
 * ballots, which stay anonymous) stays under the name the person chose to keep. Copies of
 * the old name and address in kept text are replaced too. tables.ts says, table by table,
 * which of these applies. Cannot be undone: the admin types the address and their password.
 */
export async function erasePersonalData(
	{ db, actor, now, store }: Ctx,
	input: ErasePersonalDataInput
): Promise<ErasureResult> {
	const user = await findUserById(db, input.userId);
	if (!user || !canHandleDataRequestOf(actor, user))
		throw new AppError('not_found', 'error_not_found');
	if (user.id === actor.id) throw new AppError('forbidden', 'privacy_error_self');
	const { userId, keptName, confirmEmail, password } = validate(erasePersonalDataInput, input);
	if (user.erasedAt) throw new AppError('conflict', 'privacy_error_already_erased');
	if (confirmEmail !== user.email)
		throw new AppError('invalid', 'privacy_error_confirm_email', { field: 'confirmEmail' });
	const own = await db
		.selectFrom('users')
		.select('passwordHash')
		.where('id', '=', actor.id)
		.executeTakeFirst();
	if (!own || !(await verifyPassword(own.passwordHash, password)))
		throw new AppError('invalid', 'privacy_error_password', { field: 'password' });
	// Nobody can sign in with it again: a random password nobody knows.
	const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));

	const photoKey = await db.transaction().execute(async (trx) => {
		const fresh = await findUserById(trx, userId);
		if (!fresh || fresh.erasedAt) throw new AppError('conflict', 'privacy_error_already_erased');
		if (fresh.isOperator && fresh.isActive && (await countActiveOperators(trx)) <= 1)
			throw new AppError('conflict', 'privacy_error_last_operator');
		if (
			fresh.role === 'admin' &&
			fresh.isActive &&
			fresh.schoolId &&
			(await countActiveAdmins(trx, fresh.schoolId)) <= 1
		)
			throw new AppError('conflict', 'error_last_admin');

		const old = { email: fresh.email, name: fresh.fullName };
		const erasedEmail = `erased-${newId()}@${ERASED_EMAIL_DOMAIN}`;
		const catalogued = await publicationsNaming(trx, old.name);
		const indexedGroups = await workspaceGroupsNaming(trx, old.name);

		await deleteRowsAbout(trx, { userId, email: old.email });
		await trx
			.updateTable('users')
			.set({
				email: erasedEmail,
				fullName: keptName,
				passwordHash,
				isActive: false,
				isOperator: false,
				experienceYears: null,
				qualificationCategory: null,
				photoKey: null,
				photoUpdatedAt: null,
				deactivatedAt: fresh.deactivatedAt ?? now,
				erasedAt: now,
				updatedAt: now
			})
			.where('id', '=', userId)
			.execute();
		await rewriteCopies(trx, [
			[old.email, erasedEmail],
			[old.name, keptName]
		]);
		await rebuildIndexes(trx, catalogued, indexedGroups);
		await recordSecurityEvent(
			trx,
			{
				kind: 'personal_data_erased',
				userId,
				actorId: actor.id,
				schoolId: fresh.schoolId,
				ip: input.ip
			},
			now
		);
		return fresh.photoKey;
	});
	// The photo's files go once the erasure is committed (a rollback keeps them in use).
	if (photoKey) await deletePhotoFiles(store, photoKey);
	return { keptName };
}

async function countActiveOperators(db: DB): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('isOperator', '=', true)
		.where('isActive', '=', true)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** Rows that only serve the person: deleted (tables.ts, erase.delete and deleteMatching). */
async function deleteRowsAbout(db: DB, person: { userId: string; email: string }) {
	for (const [table, d] of Object.entries(personalDataTables)) {
		if (!isPersonal(d)) continue;
		const emailKeys = new Set(d.emailKeys ?? []);
		for (const column of d.erase.delete ?? [])
			await loose(db)
				.deleteFrom(camel(table))
				.where(camel(column), '=', emailKeys.has(column) ? person.email : person.userId)
				.execute();
		for (const column of d.erase.deleteMatching ?? [])
			for (const value of [person.email, person.userId])
				await loose(db)
					.deleteFrom(camel(table))
					.where(contains(db, column, value))
					.execute();
	}
}

/** `column` contains `value`: instr on SQLite, strpos on PostgreSQL (no LIKE wildcards to escape). */
function contains(db: DB, column: string, value: string) {
	return onPostgres(db)
		? sql<boolean>`strpos(${sql.ref(column)}, ${value}) > 0`
		: sql<boolean>`instr(${sql.ref(column)}, ${value}) > 0`;
}

/** Copies of the old address and name in kept text (tables.ts, erase.rewrite): replaced. */
async function rewriteCopies(db: DB, pairs: [string, string][]) {
	for (const [table, d] of Object.entries(personalDataTables)) {
		if (!isPersonal(d)) continue;
		for (const column of d.erase.rewrite ?? [])
			for (const [from, to] of pairs) {
				if (from === to || from.length === 0) continue;
				await loose(db)
					.withoutPlugins()
					.updateTable(table)
					.set({ [column]: sql`replace(${sql.ref(column)}, ${from}, ${to})` })
					.where(contains(db, column, from))
					.execute();
			}
	}
}

/** Published works whose catalog entry names the person: indexed again after the rewrite. */
async function publicationsNaming(db: DB, name: string): Promise<string[]> {
	const rows = await db
		.selectFrom('catalogEntries')
		.select('publicationId')
		.where(contains(db, 'authors', name))
		.execute();
	return rows.map((r) => r.publicationId);
}

/** Groups whose workspace index holds the name: their entries are indexed again. */
async function workspaceGroupsNaming(db: DB, name: string): Promise<string[]> {
	const rows = await db
		.selectFrom('workspaceEntries')
		.select('groupId')
		.distinct()
		.where((eb) => eb.or([contains(db, 'title', name), contains(db, 'excerpt', name)]))
		.execute();
	return rows.map((r) => r.groupId);
}

async function rebuildIndexes(db: DB, publicationIds: string[], groupIds: string[]) {
	for (const id of publicationIds) {
		const publication = await db
			.selectFrom('publications')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (publication) await indexInCatalog(db, publication);
	}
	if (groupIds.length > 0) {
		await db.deleteFrom('workspaceEntries').where('groupId', 'in', groupIds).execute();
		await syncWorkspace(db, groupIds);
	}
}

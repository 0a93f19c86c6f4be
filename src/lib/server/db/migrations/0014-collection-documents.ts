import type { Kysely } from 'kysely';
import { columnTypes } from './columns';

// The collection's documents as a school prints them (issue 18): the approval note names the
// body that recommended the collection, its protocol number and date (the sentence itself is
// written per language when compiling); the compilers are printed with their posts; and the
// leader chooses whether each material starts a new page or follows the previous one.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.alterTable('collections')
		/** 'group' | 'methodical_council' | 'pedagogical_council': who recommended it. */
		.addColumn('approval_body', t.text, (c) => c.notNull().defaultTo('group'))
		.execute();
	await db.schema
		.alterTable('collections')
		/** The protocol's number as the body wrote it ("2", "2/1"); empty: none given. */
		.addColumn('approval_protocol', t.text, (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.alterTable('collections')
		/** The protocol's date, YYYY-MM-DD; null: none given. */
		.addColumn('approval_date', t.text)
		.execute();
	await db.schema
		.alterTable('collections')
		/** JSON object: user id → the compiler's post as printed ("башталгыч класстардын мугалими"). */
		.addColumn('editor_posts', t.text, (c) => c.notNull().defaultTo('{}'))
		.execute();
	await db.schema
		.alterTable('collections')
		/** Each material starts a new page (true) or follows the previous one (false). */
		.addColumn('is_item_new_page', t.boolean, (c) => c.notNull().defaultTo(t.bool(true)))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const column of [
		'is_item_new_page',
		'editor_posts',
		'approval_date',
		'approval_protocol',
		'approval_body'
	])
		await db.schema.alterTable('collections').dropColumn(column).execute();
}

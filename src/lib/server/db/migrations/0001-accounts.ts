import type { Kysely } from 'kysely';
import { columnTypes } from './columns';
import { seedSubjects } from './seed-subjects';

// Schools, accounts, sessions, one-time links, login throttling, subjects (capability C1).
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('deployment')
		.addColumn('id', t.integer, (c) => c.primaryKey())
		.addColumn('setup_at', t.timestamp, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('schools')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('region', t.text, (c) => c.notNull())
		.addColumn('city', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('school_id', t.id, (c) => c.references('schools.id'))
		.addColumn('email', t.text, (c) => c.notNull().unique())
		.addColumn('password_hash', t.text, (c) => c.notNull())
		.addColumn('full_name', t.text, (c) => c.notNull())
		.addColumn('role', t.text)
		.addColumn('is_operator', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
		.addColumn('is_active', t.boolean, (c) => c.notNull().defaultTo(t.bool(true)))
		.addColumn('locale', t.text, (c) => c.notNull())
		.addColumn('experience_years', t.integer)
		.addColumn('qualification_category', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addColumn('deactivated_at', t.timestamp)
		.execute();
	await db.schema.createIndex('users_school_idx').on('users').column('school_id').execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
		.addColumn('ip', t.text)
		.addColumn('user_agent', t.text)
		.execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('invitations')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('token_hash', t.text, (c) => c.notNull().unique())
		.addColumn('school_id', t.id, (c) => c.references('schools.id'))
		.addColumn('email', t.text, (c) => c.notNull())
		.addColumn('role', t.text, (c) => c.notNull())
		.addColumn('invited_by', t.id, (c) => c.references('users.id'))
		.addColumn('locale', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.addColumn('accepted_at', t.timestamp)
		.addColumn('revoked_at', t.timestamp)
		.addColumn('accepted_user_id', t.id, (c) => c.references('users.id'))
		.execute();
	await db.schema
		.createIndex('invitations_school_idx')
		.on('invitations')
		.columns(['school_id', 'email'])
		.execute();

	await db.schema
		.createTable('password_resets')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('token_hash', t.text, (c) => c.notNull().unique())
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('issued_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('expires_at', t.timestamp, (c) => c.notNull())
		.addColumn('used_at', t.timestamp)
		.execute();

	await db.schema
		.createTable('login_failures')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('key', t.text, (c) => c.notNull())
		.addColumn('failed_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('login_failures_key_idx')
		.on('login_failures')
		.columns(['key', 'failed_at'])
		.execute();

	await db.schema
		.createTable('subjects')
		.addColumn('id', t.text, (c) => c.primaryKey())
		.addColumn('name_ky', t.text, (c) => c.notNull())
		.addColumn('name_ru', t.text, (c) => c.notNull())
		.addColumn('name_en', t.text, (c) => c.notNull())
		.addColumn('position', t.integer, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('user_subjects')
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('subject_id', t.text, (c) => c.notNull().references('subjects.id'))
		.addPrimaryKeyConstraint('user_subjects_pk', ['user_id', 'subject_id'])
		.execute();

	await seedSubjects(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'user_subjects',
		'subjects',
		'login_failures',
		'password_resets',
		'invitations',
		'sessions',
		'users',
		'schools',
		'deployment'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

import { sql, type Kysely } from 'kysely';
import { columnTypes } from './columns';

// Creative groups (capability C2): charter and its revisions, voluntary membership with
// its history, the work plan and meetings with minutes.
// Calendar days are 'YYYY-MM-DD' text and times 'HH:MM' text on both databases: they are
// local school dates, not instants, and sort correctly as text.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('groups')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('school_id', t.id, (c) => c.notNull().references('schools.id'))
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('theme', t.text, (c) => c.notNull())
		.addColumn('problem', t.text, (c) => c.notNull())
		.addColumn('goals', t.text, (c) => c.notNull())
		.addColumn('expected_results', t.text, (c) => c.notNull())
		.addColumn('strategy', t.text, (c) => c.notNull())
		.addColumn('forms_of_work', t.text, (c) => c.notNull())
		.addColumn('started_on', t.text, (c) => c.notNull())
		.addColumn('is_external_vote_allowed', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
		.addColumn('created_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addColumn('closed_at', t.timestamp)
		.addColumn('closed_by', t.id, (c) => c.references('users.id'))
		.addColumn('closed_reason', t.text)
		.execute();
	await db.schema.createIndex('groups_school_idx').on('groups').column('school_id').execute();

	await db.schema
		.createTable('group_revisions')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		.addColumn('author_id', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		/** JSON: the whole charter after this revision. */
		.addColumn('snapshot', t.text, (c) => c.notNull())
		/** JSON: names of the fields this revision changed. */
		.addColumn('changed', t.text, (c) => c.notNull())
		.addUniqueConstraint('group_revisions_number_uq', ['group_id', 'number'])
		.execute();

	await db.schema
		.createTable('group_members')
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('role', t.text, (c) => c.notNull())
		.addColumn('joined_at', t.timestamp, (c) => c.notNull())
		.addColumn('left_at', t.timestamp)
		.addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('group_members_user_idx')
		.on('group_members')
		.column('user_id')
		.execute();
	// One current leader per group, enforced by the database itself.
	await db.schema
		.createIndex('group_members_one_leader_uq')
		.on('group_members')
		.column('group_id')
		.unique()
		.where(sql.raw<boolean>("role = 'leader' and left_at is null"))
		.execute();

	await db.schema
		.createTable('membership_requests')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		/** 'request' (the teacher asks) or 'invitation' (the leader or admin asks). */
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('message', t.text, (c) => c.notNull())
		.addColumn('created_by', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('decided_by', t.id, (c) => c.references('users.id'))
		.addColumn('decided_at', t.timestamp)
		.addColumn('response', t.text)
		.execute();
	// At most one open request or invitation per person and group.
	await db.schema
		.createIndex('membership_requests_pending_uq')
		.on('membership_requests')
		.columns(['group_id', 'user_id'])
		.unique()
		.where(sql.raw<boolean>("status = 'pending'"))
		.execute();
	await db.schema
		.createIndex('membership_requests_user_idx')
		.on('membership_requests')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('group_events')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('kind', t.text, (c) => c.notNull())
		/** Whom the event concerns (the member who joined, the new leader…). */
		.addColumn('user_id', t.id, (c) => c.references('users.id'))
		/** For a leader change: the leader before. */
		.addColumn('previous_user_id', t.id, (c) => c.references('users.id'))
		.addColumn('actor_id', t.id, (c) => c.references('users.id'))
		.addColumn('reason', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('group_events_group_idx')
		.on('group_events')
		.columns(['group_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('plan_items')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('due_on', t.text, (c) => c.notNull())
		.addColumn('responsible_id', t.id, (c) => c.references('users.id'))
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('notes', t.text, (c) => c.notNull())
		.addColumn('created_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('plan_items_group_idx')
		.on('plan_items')
		.columns(['group_id', 'due_on'])
		.execute();

	await db.schema
		.createTable('meetings')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		.addColumn('held_on', t.text, (c) => c.notNull())
		.addColumn('start_time', t.text)
		.addColumn('place', t.text, (c) => c.notNull())
		.addColumn('online_link', t.text, (c) => c.notNull())
		.addColumn('chair_id', t.id, (c) => c.references('users.id'))
		.addColumn('secretary_id', t.id, (c) => c.references('users.id'))
		.addColumn('invited', t.text, (c) => c.notNull())
		.addColumn('notes', t.text, (c) => c.notNull())
		.addColumn('decisions', t.text, (c) => c.notNull())
		.addColumn('created_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addUniqueConstraint('meetings_number_uq', ['group_id', 'number'])
		.execute();

	await db.schema
		.createTable('meeting_agenda_items')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('meeting_id', t.id, (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('position', t.integer, (c) => c.notNull())
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('speaker', t.text, (c) => c.notNull())
		.addColumn('heard', t.text, (c) => c.notNull())
		.addColumn('spoke', t.text, (c) => c.notNull())
		.addColumn('decided', t.text, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('meeting_agenda_items_meeting_idx')
		.on('meeting_agenda_items')
		.columns(['meeting_id', 'position'])
		.execute();

	await db.schema
		.createTable('meeting_attendance')
		.addColumn('meeting_id', t.id, (c) => c.notNull().references('meetings.id').onDelete('cascade'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		/** present | absent | excused */
		.addColumn('status', t.text, (c) => c.notNull())
		.addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'user_id'])
		.execute();

	// An emailed invitation of a scientist or consultant into a group: accepting the link
	// creates the account and the membership at once (consent is the acceptance).
	await db.schema
		.alterTable('invitations')
		.addColumn('group_id', t.id, (c) => c.references('groups.id'))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('invitations').dropColumn('group_id').execute();
	for (const table of [
		'meeting_attendance',
		'meeting_agenda_items',
		'meetings',
		'plan_items',
		'group_events',
		'membership_requests',
		'group_members',
		'group_revisions',
		'groups'
	]) {
		await db.schema.dropTable(table).execute();
	}
}

import type { Kysely } from 'kysely';
import { columnTypes } from './columns';

// Proposals, discussion and collective decisions (capability C4, Regulation §3.3, §3.5,
// §5.3): proposals with the leader's analysis and their history, discussion threads (one per
// proposal, and free-standing ones), votes with their options, voter roll and ballots, and
// the decisions that closing a vote records.
//
// Secret ballots: a ballot row says who took part; what they chose is sealed with a key kept
// outside the database (see domain/votes/seal.ts) and wiped when the vote closes, so neither
// the database nor its export ever links a person to a choice.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('proposals')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('body', t.text, (c) => c.notNull())
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('author_id', t.id, (c) => c.notNull().references('users.id'))
		/** The leader's written analysis (§3.5); empty until written. */
		.addColumn('analysis', t.text, (c) => c.notNull())
		.addColumn('analyzed_by', t.id, (c) => c.references('users.id'))
		.addColumn('analyzed_at', t.timestamp)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addUniqueConstraint('proposals_number_uq', ['group_id', 'number'])
		.execute();
	await db.schema
		.createIndex('proposals_group_idx')
		.on('proposals')
		.columns(['group_id', 'status'])
		.execute();

	await db.schema
		.createTable('proposal_events')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('proposal_id', t.id, (c) => c.notNull().references('proposals.id'))
		.addColumn('from_status', t.text)
		.addColumn('to_status', t.text, (c) => c.notNull())
		.addColumn('actor_id', t.id, (c) => c.references('users.id'))
		.addColumn('reason', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('proposal_events_proposal_idx')
		.on('proposal_events')
		.column('proposal_id')
		.execute();

	await db.schema
		.createTable('proposal_attachments')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('proposal_id', t.id, (c) => c.notNull().references('proposals.id'))
		.addColumn('blob_key', t.text, (c) => c.notNull())
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('mime', t.text, (c) => c.notNull())
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('size', t.integer, (c) => c.notNull())
		.addColumn('has_thumbnail', t.boolean, (c) => c.notNull())
		.addColumn('created_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('proposal_attachments_proposal_idx')
		.on('proposal_attachments')
		.column('proposal_id')
		.execute();

	await db.schema
		.createTable('discussion_threads')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		/** Set for a proposal's own thread (one each); null for a free-standing thread. */
		.addColumn('proposal_id', t.id, (c) => c.unique().references('proposals.id'))
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('author_id', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('last_post_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('discussion_threads_group_idx')
		.on('discussion_threads')
		.column('group_id')
		.execute();

	await db.schema
		.createTable('discussion_posts')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('thread_id', t.id, (c) => c.notNull().references('discussion_threads.id'))
		.addColumn('parent_id', t.id, (c) => c.references('discussion_posts.id'))
		.addColumn('author_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('body', t.text, (c) => c.notNull())
		/** The post quoted, and the words quoted as they were then (an edit does not change them). */
		.addColumn('quoted_post_id', t.id, (c) => c.references('discussion_posts.id'))
		.addColumn('quote', t.text)
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('edited_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('discussion_posts_thread_idx')
		.on('discussion_posts')
		.columns(['thread_id', 'created_at'])
		.execute();
	await db.schema
		.createTable('post_mentions')
		.addColumn('post_id', t.id, (c) => c.notNull().references('discussion_posts.id'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		.addPrimaryKeyConstraint('post_mentions_pk', ['post_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('post_mentions_user_idx')
		.on('post_mentions')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('votes')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		.addColumn('proposal_id', t.id, (c) => c.references('proposals.id'))
		.addColumn('question', t.text, (c) => c.notNull())
		.addColumn('description', t.text, (c) => c.notNull())
		/** 'yes_no' (yes / no / abstain), 'single' or 'multiple' choice. */
		.addColumn('kind', t.text, (c) => c.notNull())
		.addColumn('max_choices', t.integer, (c) => c.notNull())
		/** Share of the voter roll that must take part, in percent; null: no quorum. */
		.addColumn('quorum_percent', t.integer)
		.addColumn('closes_at', t.timestamp)
		.addColumn('is_secret', t.boolean, (c) => c.notNull())
		.addColumn('is_external_allowed', t.boolean, (c) => c.notNull())
		/** Whether voters see the tally before the vote closes (after casting their own). */
		.addColumn('is_tally_live', t.boolean, (c) => c.notNull())
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('opened_by', t.id, (c) => c.references('users.id'))
		.addColumn('opened_at', t.timestamp, (c) => c.notNull())
		.addColumn('closed_at', t.timestamp)
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addUniqueConstraint('votes_number_uq', ['group_id', 'number'])
		.execute();
	await db.schema
		.createIndex('votes_group_idx')
		.on('votes')
		.columns(['group_id', 'status'])
		.execute();
	await db.schema.createIndex('votes_proposal_idx').on('votes').column('proposal_id').execute();

	await db.schema
		.createTable('vote_options')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('vote_id', t.id, (c) => c.notNull().references('votes.id'))
		.addColumn('position', t.integer, (c) => c.notNull())
		/** 'yes' | 'no' | 'abstain' for a yes/no vote (translated when shown); null otherwise. */
		.addColumn('code', t.text)
		.addColumn('label', t.text, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('vote_options_vote_idx')
		.on('vote_options')
		.columns(['vote_id', 'position'])
		.execute();

	// Who may vote, fixed when the vote opens: the quorum counts against it.
	await db.schema
		.createTable('vote_roll')
		.addColumn('vote_id', t.id, (c) => c.notNull().references('votes.id'))
		.addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
		.addPrimaryKeyConstraint('vote_roll_pk', ['vote_id', 'user_id'])
		.execute();

	// One ballot per voter; casting again replaces it until the vote closes.
	await db.schema
		.createTable('ballots')
		.addColumn('vote_id', t.id, (c) => c.notNull().references('votes.id'))
		.addColumn('voter_id', t.id, (c) => c.notNull().references('users.id'))
		/** Open ballot: JSON array of option ids. Secret ballot: always null. */
		.addColumn('choices', t.text)
		/** Secret ballot: the choices sealed with the ballot key; wiped when the vote closes. */
		.addColumn('sealed', t.text)
		.addColumn('cast_at', t.timestamp, (c) => c.notNull())
		.addColumn('changed_at', t.timestamp)
		.addPrimaryKeyConstraint('ballots_pk', ['vote_id', 'voter_id'])
		.execute();

	await db.schema
		.createTable('decisions')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		.addColumn('vote_id', t.id, (c) => c.notNull().unique().references('votes.id'))
		.addColumn('proposal_id', t.id, (c) => c.references('proposals.id'))
		.addColumn('meeting_id', t.id, (c) => c.references('meetings.id'))
		/** The leader's wording; empty while a vote closed by its deadline awaits it. */
		.addColumn('text', t.text, (c) => c.notNull())
		/** 'accepted' | 'rejected' | 'no_quorum' | 'chosen' */
		.addColumn('outcome', t.text, (c) => c.notNull())
		/** JSON: [{ optionId, code, label, count }] in the options' order. */
		.addColumn('tally', t.text, (c) => c.notNull())
		.addColumn('roll_count', t.integer, (c) => c.notNull())
		.addColumn('participant_count', t.integer, (c) => c.notNull())
		.addColumn('quorum_percent', t.integer)
		.addColumn('is_quorum_met', t.boolean, (c) => c.notNull())
		.addColumn('is_closed_by_deadline', t.boolean, (c) => c.notNull())
		.addColumn('decided_at', t.timestamp, (c) => c.notNull())
		.addColumn('recorded_by', t.id, (c) => c.references('users.id'))
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addUniqueConstraint('decisions_number_uq', ['group_id', 'number'])
		.execute();
	await db.schema
		.createIndex('decisions_meeting_idx')
		.on('decisions')
		.column('meeting_id')
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const table of [
		'decisions',
		'ballots',
		'vote_roll',
		'vote_options',
		'votes',
		'post_mentions',
		'discussion_posts',
		'discussion_threads',
		'proposal_attachments',
		'proposal_events',
		'proposals'
	])
		await db.schema.dropTable(table).execute();
}

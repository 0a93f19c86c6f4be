import type { Kysely } from 'kysely';
import { columnTypes } from './columns';

// Approbation in practice, objective monitoring and information-collection forms (capability
// C5, Regulation §4.1, §5.3, §5.4): the leader's forms (questionnaires, approbation reports,
// lesson-observation sheets) in numbered versions and the answers to them; a member's record
// of trying a material or an idea in real classes, with aggregate figures only (mark counts,
// indicators before and after), evidence files, and the observations of other members that
// confirm it. No pupil is ever named: there is no column for it.
export async function up(db: Kysely<unknown>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('forms')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		/** questionnaire | approbation_report | observation_sheet */
		.addColumn('purpose', t.text, (c) => c.notNull())
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('description', t.text, (c) => c.notNull())
		.addColumn('created_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addColumn('archived_at', t.timestamp)
		.execute();
	await db.schema.createIndex('forms_group_idx').on('forms').column('group_id').execute();

	// A form's fields, frozen once anyone has answered: an edit then makes the next version and
	// the old answers keep theirs.
	await db.schema
		.createTable('form_versions')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('form_id', t.id, (c) => c.notNull().references('forms.id'))
		.addColumn('number', t.integer, (c) => c.notNull())
		/** JSON: the fields in order (domain/forms/fields.ts). */
		.addColumn('fields', t.text, (c) => c.notNull())
		/** Raised by every edit made in place (no answers yet): a page filled from an older one is told. */
		.addColumn('revision', t.integer, (c) => c.notNull())
		.addColumn('created_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addUniqueConstraint('form_versions_number_uq', ['form_id', 'number'])
		.execute();

	// A questionnaire: a form version sent to the group's members.
	await db.schema
		.createTable('questionnaires')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		.addColumn('form_id', t.id, (c) => c.notNull().references('forms.id'))
		.addColumn('form_version_id', t.id, (c) => c.notNull().references('form_versions.id'))
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('message', t.text, (c) => c.notNull())
		/** The school's calendar day answers are due by; none: open until closed. */
		.addColumn('deadline_on', t.text)
		/** The leader let the members see the results. */
		.addColumn('is_results_shared', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
		.addColumn('sent_by', t.id, (c) => c.references('users.id'))
		.addColumn('sent_at', t.timestamp, (c) => c.notNull())
		.addColumn('closed_at', t.timestamp)
		.execute();
	await db.schema
		.createIndex('questionnaires_group_idx')
		.on('questionnaires')
		.column('group_id')
		.execute();

	// Answers to a form version: a member's to a questionnaire, an approbation's report, an
	// observation's sheet. A draft is saved and finished later.
	await db.schema
		.createTable('form_responses')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('form_version_id', t.id, (c) => c.notNull().references('form_versions.id'))
		.addColumn('questionnaire_id', t.id, (c) => c.references('questionnaires.id'))
		.addColumn('respondent_id', t.id, (c) => c.notNull().references('users.id'))
		/** JSON: { [field key]: answer } (domain/forms/answers.ts). */
		.addColumn('answers', t.text, (c) => c.notNull())
		/** draft | submitted */
		.addColumn('status', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.addColumn('submitted_at', t.timestamp)
		// One answer per member and questionnaire (NULLs, the other purposes, never collide).
		.addUniqueConstraint('form_responses_questionnaire_uq', ['questionnaire_id', 'respondent_id'])
		.execute();
	await db.schema
		.createIndex('form_responses_version_idx')
		.on('form_responses')
		.column('form_version_id')
		.execute();

	// Files given as answers to a form's file fields; the bytes are in the file store.
	await db.schema
		.createTable('form_response_files')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('response_id', t.id, (c) => c.notNull().references('form_responses.id'))
		.addColumn('field_key', t.text, (c) => c.notNull())
		.addColumn('blob_key', t.text, (c) => c.notNull())
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('mime', t.text, (c) => c.notNull())
		.addColumn('size', t.integer, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('form_response_files_response_idx')
		.on('form_response_files')
		.column('response_id')
		.execute();

	await db.schema
		.createTable('approbations')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('group_id', t.id, (c) => c.notNull().references('groups.id'))
		/** The member who tried it in class, and recorded it. */
		.addColumn('author_id', t.id, (c) => c.notNull().references('users.id'))
		/** What was tried: a material at an exact version, or an idea from a proposal. */
		.addColumn('material_id', t.id, (c) => c.references('materials.id'))
		.addColumn('material_version_id', t.id, (c) => c.references('material_versions.id'))
		.addColumn('proposal_id', t.id, (c) => c.references('proposals.id'))
		.addColumn('title', t.text, (c) => c.notNull())
		.addColumn('starts_on', t.text, (c) => c.notNull())
		.addColumn('ends_on', t.text, (c) => c.notNull())
		.addColumn('plan', t.text, (c) => c.notNull())
		.addColumn('observations', t.text, (c) => c.notNull())
		.addColumn('conclusion', t.text, (c) => c.notNull())
		/** The answers to the group's approbation report form, when it has one. */
		.addColumn('report_response_id', t.id, (c) => c.references('form_responses.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('approbations_group_idx')
		.on('approbations')
		.column('group_id')
		.execute();
	await db.schema
		.createIndex('approbations_material_idx')
		.on('approbations')
		.column('material_id')
		.execute();

	// A class it was tried in: aggregate figures only. The mark counts (old 2–5 scale) before
	// and after give the default indicators; null when the class is not marked that way.
	await db.schema
		.createTable('approbation_classes')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('approbation_id', t.id, (c) => c.notNull().references('approbations.id'))
		.addColumn('position', t.integer, (c) => c.notNull())
		/** As the school writes it, e.g. "5-Б". */
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('grade', t.integer, (c) => c.notNull())
		.addColumn('pupils', t.integer, (c) => c.notNull())
		.addColumn('before_fives', t.integer)
		.addColumn('before_fours', t.integer)
		.addColumn('before_threes', t.integer)
		.addColumn('before_twos', t.integer)
		.addColumn('after_fives', t.integer)
		.addColumn('after_fours', t.integer)
		.addColumn('after_threes', t.integer)
		.addColumn('after_twos', t.integer)
		.execute();
	await db.schema
		.createIndex('approbation_classes_approbation_idx')
		.on('approbation_classes')
		.columns(['approbation_id', 'position'])
		.execute();

	// A custom indicator of a class (points, criteria, reading speed…) with its unit.
	await db.schema
		.createTable('approbation_indicators')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('class_id', t.id, (c) => c.notNull().references('approbation_classes.id'))
		.addColumn('position', t.integer, (c) => c.notNull())
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('unit', t.text, (c) => c.notNull())
		.addColumn('before_value', t.real, (c) => c.notNull())
		.addColumn('after_value', t.real, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('approbation_indicators_class_idx')
		.on('approbation_indicators')
		.columns(['class_id', 'position'])
		.execute();

	await db.schema
		.createTable('approbation_files')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('approbation_id', t.id, (c) => c.notNull().references('approbations.id'))
		.addColumn('blob_key', t.text, (c) => c.notNull())
		.addColumn('name', t.text, (c) => c.notNull())
		.addColumn('mime', t.text, (c) => c.notNull())
		.addColumn('size', t.integer, (c) => c.notNull())
		.addColumn('uploaded_by', t.id, (c) => c.references('users.id'))
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('approbation_files_approbation_idx')
		.on('approbation_files')
		.column('approbation_id')
		.execute();

	// Objective monitoring (§5.4): a member who is not an author observes a lesson and files
	// the group's observation sheet.
	await db.schema
		.createTable('observations')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('approbation_id', t.id, (c) => c.notNull().references('approbations.id'))
		.addColumn('class_id', t.id, (c) => c.references('approbation_classes.id'))
		.addColumn('observer_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('observed_on', t.text, (c) => c.notNull())
		.addColumn('response_id', t.id, (c) => c.references('form_responses.id'))
		.addColumn('comments', t.text, (c) => c.notNull())
		.addColumn('conclusion', t.text, (c) => c.notNull())
		.addColumn('created_at', t.timestamp, (c) => c.notNull())
		.addColumn('updated_at', t.timestamp, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('observations_approbation_idx')
		.on('observations')
		.column('approbation_id')
		.execute();

	// The leader asks a given member to observe.
	await db.schema
		.createTable('observation_requests')
		.addColumn('id', t.id, (c) => c.primaryKey())
		.addColumn('approbation_id', t.id, (c) => c.notNull().references('approbations.id'))
		.addColumn('observer_id', t.id, (c) => c.notNull().references('users.id'))
		.addColumn('requested_by', t.id, (c) => c.references('users.id'))
		.addColumn('requested_at', t.timestamp, (c) => c.notNull())
		.addUniqueConstraint('observation_requests_uq', ['approbation_id', 'observer_id'])
		.execute();

	/** How many observations make an approbation's results confirmed. */
	await db.schema
		.alterTable('groups')
		.addColumn('required_observations', t.integer, (c) => c.notNull().defaultTo(1))
		.execute();
	/** A work-plan item of kind approbation links to the approbation it planned. */
	await db.schema
		.alterTable('plan_items')
		.addColumn('approbation_id', t.id, (c) => c.references('approbations.id'))
		.execute();
	/** The leader adds the material's results (table and chart) to the collection. */
	await db.schema
		.alterTable('collection_items')
		.addColumn('has_results', t.boolean, (c) => c.notNull().defaultTo(t.bool(false)))
		.execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.alterTable('collection_items').dropColumn('has_results').execute();
	await db.schema.alterTable('plan_items').dropColumn('approbation_id').execute();
	await db.schema.alterTable('groups').dropColumn('required_observations').execute();
	for (const table of [
		'observation_requests',
		'observations',
		'approbation_files',
		'approbation_indicators',
		'approbation_classes',
		'approbations',
		'form_response_files',
		'form_responses',
		'questionnaires',
		'form_versions',
		'forms'
	])
		await db.schema.dropTable(table).execute();
}

// Personal data (Kyrgyz law "On personal information"): every table of the schema says here
// whether it holds data about a person, how that data is exported to them and what happens
// to it when an admin erases the account. tables.test.ts reads the live schema of both
// databases and fails for a table, or a column that looks personal, not declared here: a new
// table must declare itself. Names are the database's (snake_case).

/**
 * What erasure does with a personal table's rows about the person. Anything not deleted
 * stays, with `keep` saying why the group's record needs it; the kept rows then lead only to
 * the anonymized account (its chosen author name).
 */
export interface Erasure {
	/** Rows whose column (a user id, or the person's address) is the person's: deleted. */
	delete?: string[];
	/** Rows whose text column contains the person's address or id (rate-limit keys): deleted. */
	deleteMatching?: string[];
	/** Text columns where a copy of the old name or address is replaced by the kept one. */
	rewrite?: string[];
	/** The users row itself: anonymized (erase-personal-data.ts). */
	anonymize?: true;
	/** A derived index, rebuilt from its sources after they changed. */
	derived?: true;
	/** Why rows about the person stay (required when some key column's rows are kept). */
	keep?: string;
}

export interface PersonalTable {
	/** Columns holding a user's id: the rows about the person (export, erasure). */
	keys: string[];
	/** Columns holding the person's email address (an invitation to them, a mail counter). */
	emailKeys?: string[];
	/** Other columns with personal data: names, addresses, free text, network data. */
	personal?: string[];
	/** Left out of the export: hashes, secrets, tokens. */
	secret?: string[];
	/** Not exported, and why (rows about the person are reached in another way). */
	noExport?: string;
	erase: Erasure;
	/** Columns whose names look personal but are not, and why. */
	except?: Record<string, string>;
}

export interface NotPersonalTable {
	/** Why the table holds no data about a person. */
	none: string;
	/** Columns whose names look personal but are not, and why. */
	except?: Record<string, string>;
}

export type TableDeclaration = PersonalTable | NotPersonalTable;

export const isPersonal = (d: TableDeclaration): d is PersonalTable => 'keys' in d;

const record = 'the group’s record: the person shows under the kept author name';
const derived = 'a search index derived from other tables, rebuilt after erasure';

export const personalDataTables: Record<string, TableDeclaration> = {
	// --- accounts ---------------------------------------------------------------------------
	users: {
		keys: ['id'],
		personal: [
			'email',
			'full_name',
			'locale',
			'experience_years',
			'qualification_category',
			'school_id',
			'role',
			'photo_key'
		],
		secret: ['password_hash'],
		erase: {
			anonymize: true,
			keep: 'the account stays, anonymized, so that kept authorship and history point to the kept name'
		}
	},
	user_subjects: { keys: ['user_id'], erase: { delete: ['user_id'] } },
	home_visits: { keys: ['user_id'], erase: { delete: ['user_id'] } },
	form_results: {
		keys: [],
		personal: ['payload'],
		noExport: "a form's result, kept a minute for the page shown after the post",
		erase: { keep: 'gone within a minute by itself' }
	},
	sessions: {
		keys: ['user_id'],
		personal: ['ip', 'user_agent'],
		secret: ['id'],
		erase: { delete: ['user_id'] }
	},
	sign_in_challenges: {
		keys: ['user_id'],
		personal: ['ip', 'user_agent'],
		secret: ['id'],
		erase: { delete: ['user_id'] }
	},
	two_factor_secrets: {
		keys: ['user_id'],
		secret: ['secret_key_material', 'last_used_step'],
		erase: { delete: ['user_id'] }
	},
	recovery_codes: { keys: ['user_id'], secret: ['code_hash'], erase: { delete: ['user_id'] } },
	password_resets: {
		keys: ['user_id', 'issued_by'],
		secret: ['token_hash'],
		erase: {
			delete: ['user_id'],
			keep: 'reset links the person issued to others are those people’s security history'
		}
	},
	invitations: {
		keys: ['invited_by', 'accepted_user_id'],
		emailKeys: ['email'],
		secret: ['token_hash'],
		erase: {
			delete: ['email', 'accepted_user_id'],
			keep: 'invitations the person sent to others belong to those people'
		}
	},
	login_failures: {
		keys: [],
		personal: ['key'],
		noExport: 'short-lived counters keyed by a hash-free address or network address',
		erase: { deleteMatching: ['key'] }
	},
	rate_events: {
		keys: [],
		personal: ['key'],
		noExport: 'short-lived rate-limit counters',
		erase: { deleteMatching: ['key'] }
	},
	mail_throttle: {
		keys: [],
		emailKeys: ['recipient'],
		erase: { delete: ['recipient'] }
	},
	security_events: {
		keys: ['user_id', 'actor_id'],
		personal: ['ip', 'detail'],
		erase: {
			rewrite: ['detail'],
			keep: 'security record (sign-ins, resets, role changes, this erasure): kept for the retention period in docs/personal-data.md, leading only to the anonymized account'
		}
	},
	audit_log: {
		keys: ['actor_id'],
		personal: ['changes'],
		noExport:
			'the school’s tamper-evident record; the operator gives a person’s entries on request (/operator/audit, person filter)',
		erase: {
			keep: 'append-only and hash-chained: changing a past entry would break the chain (docs/personal-data.md)'
		}
	},
	audit_pending: {
		keys: ['actor_id'],
		personal: ['old_row', 'new_row'],
		noExport: 'the audit log’s intake, sealed into audit_log within minutes',
		erase: { keep: 'sealed into the append-only audit log' }
	},

	// --- notifications ----------------------------------------------------------------------
	notification_preferences: {
		keys: ['user_id'],
		erase: { delete: ['user_id'] },
		except: { email: 'how often to email (instant, daily…), not an address' }
	},
	notifications: {
		keys: ['user_id', 'actor_id'],
		personal: ['subject', 'params'],
		erase: {
			delete: ['user_id'],
			rewrite: ['subject', 'params'],
			keep: 'notifications to others about what the person did are those people’s inbox'
		},
		except: { email: 'how the notification is emailed (instant, daily…), not an address' }
	},
	deliveries: {
		keys: ['user_id'],
		personal: ['key', 'error'],
		erase: { delete: ['user_id'] }
	},
	telegram_links: {
		keys: ['user_id'],
		secret: ['chat_id', 'code_hash'],
		erase: { delete: ['user_id'] }
	},
	calendar_feeds: { keys: ['user_id'], secret: ['token_hash'], erase: { delete: ['user_id'] } },

	// --- groups, plan, meetings -------------------------------------------------------------
	groups: {
		keys: ['created_by', 'closed_by'],
		personal: ['closed_reason'],
		erase: { rewrite: ['closed_reason'], keep: record }
	},
	group_members: { keys: ['user_id'], erase: { keep: `membership history, ${record}` } },
	group_events: {
		keys: ['user_id', 'previous_user_id', 'actor_id'],
		personal: ['reason'],
		erase: { rewrite: ['reason'], keep: record }
	},
	group_revisions: {
		keys: ['author_id'],
		personal: ['snapshot'],
		erase: { rewrite: ['snapshot'], keep: record }
	},
	membership_requests: {
		keys: ['user_id', 'created_by', 'decided_by'],
		personal: ['message', 'response'],
		erase: {
			delete: ['user_id'],
			rewrite: ['message', 'response'],
			keep: 'requests of other people the person sent or decided belong to those people'
		}
	},
	plan_items: {
		keys: ['responsible_id', 'created_by'],
		personal: ['notes'],
		erase: { rewrite: ['title', 'notes'], keep: record }
	},
	meetings: {
		keys: ['chair_id', 'secretary_id', 'created_by', 'cancelled_by'],
		personal: ['invited', 'notes', 'decisions', 'cancel_reason'],
		erase: {
			rewrite: ['invited', 'notes', 'decisions', 'cancel_reason'],
			keep: `minutes, ${record}`
		}
	},
	meeting_agenda_items: {
		keys: [],
		personal: ['speaker', 'heard', 'spoke', 'decided'],
		noExport:
			'free text of the minutes; the meetings themselves are exported by chair and secretary',
		erase: { rewrite: ['speaker', 'heard', 'spoke', 'decided'], keep: `minutes, ${record}` }
	},
	meeting_attendance: {
		keys: ['user_id'],
		erase: { keep: `attendance in the minutes, ${record}` }
	},

	// --- materials and reviews ----------------------------------------------------------------
	materials: {
		keys: ['author_id'],
		personal: ['abstract', 'body_html', 'body_text'],
		erase: {
			rewrite: ['title', 'abstract', 'body_html', 'body_text', 'tags'],
			keep: `authorship, ${record}`
		}
	},
	material_authors: { keys: ['user_id'], erase: { keep: `authorship, ${record}` } },
	material_versions: {
		keys: ['author_id'],
		personal: ['snapshot'],
		erase: { rewrite: ['snapshot'], keep: `authorship, ${record}` }
	},
	material_attachments: {
		keys: ['uploaded_by'],
		erase: { keep: `who attached a file, ${record}` }
	},
	material_comments: {
		keys: ['author_id'],
		personal: ['body'],
		erase: { rewrite: ['body'], keep: `discussion of a material, ${record}` }
	},
	material_events: {
		keys: ['actor_id'],
		personal: ['reason'],
		erase: { rewrite: ['reason'], keep: record }
	},
	reviews: {
		keys: ['reviewer_id'],
		personal: ['comment'],
		erase: { rewrite: ['comment'], keep: `a review the group decided on, ${record}` }
	},

	// --- proposals, discussions, votes, decisions ---------------------------------------------
	proposals: {
		keys: ['author_id', 'analyzed_by'],
		personal: ['body', 'analysis'],
		erase: { rewrite: ['title', 'body', 'analysis'], keep: record }
	},
	proposal_events: {
		keys: ['actor_id'],
		personal: ['reason'],
		erase: { rewrite: ['reason'], keep: record }
	},
	proposal_attachments: { keys: ['created_by'], erase: { keep: record } },
	discussion_threads: {
		keys: ['author_id'],
		erase: { rewrite: ['title'], keep: record }
	},
	discussion_posts: {
		keys: ['author_id'],
		personal: ['body', 'quote'],
		erase: { rewrite: ['body', 'quote'], keep: `a discussion, ${record}` }
	},
	post_mentions: { keys: ['user_id'], erase: { delete: ['user_id'] } },
	votes: { keys: ['opened_by'], erase: { rewrite: ['question', 'description'], keep: record } },
	vote_roll: {
		keys: ['user_id'],
		erase: { keep: `who took part in a vote (not how), ${record}` }
	},
	ballots: {
		keys: ['voter_id'],
		secret: ['sealed'],
		erase: {
			keep: 'a cast ballot is part of the result; a secret one stays sealed and anonymous'
		}
	},
	decisions: {
		keys: ['recorded_by'],
		personal: ['text'],
		erase: { rewrite: ['text'], keep: `decisions, ${record}` }
	},

	// --- collections and publications -------------------------------------------------------
	collections: {
		keys: ['created_by'],
		personal: ['reviewers', 'preface', 'editor_posts'],
		erase: {
			rewrite: ['title', 'subtitle', 'reviewers', 'preface', 'approval_note', 'editor_posts'],
			keep: record
		}
	},
	collection_editors: { keys: ['user_id'], erase: { keep: `an editorial board, ${record}` } },
	collection_editions: {
		keys: ['requested_by', 'approved_by'],
		personal: ['model'],
		erase: { rewrite: ['model'], keep: `an edition, ${record}` }
	},
	publications: {
		keys: ['requested_by', 'ended_by'],
		personal: ['snapshot', 'end_reason'],
		erase: {
			rewrite: ['title', 'snapshot', 'end_reason'],
			keep: `a publication (its authors under their kept names), ${record}`
		}
	},
	publication_consents: {
		keys: ['user_id'],
		personal: ['reason'],
		erase: {
			rewrite: ['reason'],
			keep: 'an author’s consent is the legal basis of a publication'
		}
	},

	// --- approbation and forms ---------------------------------------------------------------
	approbations: {
		keys: ['author_id'],
		personal: ['plan', 'observations', 'conclusion'],
		erase: {
			rewrite: ['title', 'plan', 'observations', 'conclusion'],
			keep: `an approbation, ${record}`
		}
	},
	approbation_files: {
		keys: ['uploaded_by'],
		erase: { keep: `an approbation’s files, ${record}` }
	},
	observation_requests: {
		keys: ['observer_id', 'requested_by'],
		erase: { keep: `an approbation’s observations, ${record}` }
	},
	observations: {
		keys: ['observer_id'],
		personal: ['comments', 'conclusion'],
		erase: { rewrite: ['comments', 'conclusion'], keep: `an approbation’s evidence, ${record}` }
	},
	forms: {
		keys: ['created_by'],
		erase: { rewrite: ['title', 'description'], keep: record }
	},
	form_versions: { keys: ['created_by'], erase: { keep: record } },
	questionnaires: {
		keys: ['sent_by'],
		personal: ['message'],
		erase: { rewrite: ['title', 'message'], keep: record }
	},
	form_responses: {
		keys: ['respondent_id'],
		personal: ['answers'],
		erase: { rewrite: ['answers'], keep: `answers are an approbation’s evidence, ${record}` }
	},

	// --- derived indexes ---------------------------------------------------------------------
	catalog_entries: {
		keys: [],
		personal: ['authors'],
		noExport: 'the public catalog’s index of publications (exported from publications)',
		erase: { derived: true, keep: derived }
	},
	catalog_texts: {
		keys: [],
		personal: ['excerpt'],
		noExport: derived,
		erase: { derived: true, keep: derived }
	},
	workspace_entries: {
		keys: [],
		personal: ['title', 'excerpt'],
		noExport: derived,
		erase: { derived: true, keep: derived }
	},

	// --- no personal data --------------------------------------------------------------------
	schools: { none: 'a school’s name and place' },
	subjects: { none: 'the list of school subjects' },
	deployment: { none: 'deployment-wide settings' },
	jobs: {
		none: 'a job’s payload holds ids of what to do, never names or addresses',
		except: { locked_by: 'the name of the worker process running it' }
	},
	telegram_cursor: { none: 'the bot’s polling offset' },
	document_previews: {
		none: 'a cache of previews by file content hash; the files themselves are a material’s'
	},
	material_renders: { none: 'cached renders of material versions (files in the store)' },
	material_images: { none: 'pictures of a material, by content' },
	material_grades: { none: 'the grades a material is for' },
	material_subjects: { none: 'the subjects a material is for' },
	review_criteria: { none: 'a group’s review criteria' },
	review_scores: { none: 'scores of a review; the review names the reviewer' },
	vote_options: { none: 'a vote’s options' },
	collection_sections: { none: 'a collection’s sections' },
	collection_items: { none: 'a collection’s items (materials, by id)' },
	approbation_classes: { none: 'class results of an approbation, without pupils’ names' },
	approbation_indicators: { none: 'indicators of an approbation class' },
	form_response_files: { none: 'files attached to an answer; the response names the respondent' },
	catalog_entry_grades: { none: derived },
	catalog_entry_subjects: { none: derived },
	catalog_terms: { none: 'stemmed words of the catalog index, rebuilt with it' },
	catalog_words: { none: 'stemmed words of the catalog index, rebuilt with it' },
	workspace_sync: { none: 'bookkeeping of the workspace index' },
	workspace_terms: { none: 'stemmed words of the workspace index, rebuilt with it' },
	kysely_migration: { none: 'which migrations ran' },
	kysely_migration_lock: { none: 'the migrations’ lock' }
};

/** A column name that suggests data about a person: it must be declared. */
export const looksPersonal = (column: string): boolean =>
	/(^|_)(user|author|actor|voter|respondent|reviewer|observer|chair|secretary|responsible|editor)_id$/.test(
		column
	) ||
	/_by$/.test(column) ||
	/(^|_)(email|ip|phone|speaker|recipient|authors?)$/.test(column) ||
	/full_name|user_agent|chat_id|passport|birth/.test(column);

/** Every column a personal table declares. */
export function declaredColumns(d: PersonalTable): Set<string> {
	return new Set([...d.keys, ...(d.emailKeys ?? []), ...(d.personal ?? []), ...(d.secret ?? [])]);
}

import type { DB } from '../../db/types';
import { parseAnswers } from './answers';
import type { FormField } from './fields';
import { summarize, type QuestionSummary } from './summary';

// The summary of a questionnaire is read far more often than it changes: it is kept per
// questionnaire, keyed by what would change it (the responses' count and latest change, the
// form's revision). Any new or changed answer makes a new key, so a stale summary is never
// shown; several app processes each keep their own.

const MAX_ENTRIES = 50;
const cache = new Map<string, QuestionSummary[]>();

export async function questionnaireSummary(
	db: DB,
	questionnaire: { id: string; formVersionId: string },
	version: { revision: number; fields: FormField[] }
): Promise<QuestionSummary[]> {
	const mark = await db
		.selectFrom('formResponses')
		.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updatedAt').as('latest')])
		.where('questionnaireId', '=', questionnaire.id)
		.executeTakeFirstOrThrow();
	const latest = mark.latest as unknown;
	const key = [
		questionnaire.id,
		questionnaire.formVersionId,
		version.revision,
		Number(mark.n),
		latest instanceof Date ? latest.getTime() : String(latest)
	].join('|');
	const kept = cache.get(key);
	if (kept) {
		// Most recently used last: the oldest entry is the one dropped.
		cache.delete(key);
		cache.set(key, kept);
		return kept;
	}
	const rows = await db
		.selectFrom('formResponses')
		.select('answers')
		.where('questionnaireId', '=', questionnaire.id)
		.where('status', '=', 'submitted')
		.execute();
	const summary = summarize(
		version.fields,
		rows.map((r) => parseAnswers(r.answers))
	);
	for (const old of cache.keys()) {
		if (cache.size < MAX_ENTRIES) break;
		cache.delete(old);
	}
	cache.set(key, summary);
	return summary;
}

import type { Actor } from '../../access/actor';
import { canManageGroup, canSeeGroupWork, type GroupPlace } from '../group-access/policy';

// Information-collection forms (§5.3): the leader (and the administration, like the rest of
// the group's management) defines them; members answer questionnaires. A member's answers
// are read by the leader and the administration; the other members see only the summary,
// and only once the leader shares it — never another member's named answers.

/** The leader and the school administration build forms and send questionnaires. */
export function canManageForms(actor: Actor | null, place: GroupPlace): boolean {
	return canManageGroup(actor, place);
}

/** The Forms tab: the group's members and the administration. */
export function canSeeForms(actor: Actor | null, place: GroupPlace): boolean {
	return canSeeGroupWork(actor, place);
}

/** A current member answers the group's questionnaires (the leader too). */
export function canAnswer(actor: Actor | null, place: GroupPlace): boolean {
	return actor !== null && place.role !== null;
}

/** Who answered, the named responses table, the exports: the leader and the administration. */
export function canSeeResponses(actor: Actor | null, place: GroupPlace): boolean {
	return canManageForms(actor, place);
}

/** The summary per question: managers always; members once the leader shares it. */
export function canSeeSummary(
	actor: Actor | null,
	place: GroupPlace,
	questionnaire: { isResultsShared: boolean }
): boolean {
	return (
		canSeeResponses(actor, place) ||
		(questionnaire.isResultsShared && canSeeForms(actor, place) && place.role !== null)
	);
}

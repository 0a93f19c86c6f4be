import type { FormField } from './fields';

// The product keeps aggregate figures only (no pupil is named anywhere). A form cannot be
// stopped from asking, but the builder warns the leader when a field seems to: a warning, not
// a refusal (a "name of the lesson's topic" must stay possible).

const patterns: RegExp[] = [
	// Kyrgyz
	/окуучу(нун|лардын)?\s+(аты|ысымы|фамилиясы)/i,
	/аты[\s-]*ж[өо]н[үу]/i,
	/окуучунун\s+аты/i,
	// Russian
	/ф\.?\s*и\.?\s*о\.?(\s|$)/i,
	/фамили[яюи]/i,
	/имя\s+(ученика|учащегося|ребёнка|ребенка)/i,
	/(ученика|учащегося|ребёнка|ребенка)\s+(имя|фамилия)/i,
	/имена\s+(учеников|учащихся|детей)/i,
	// English
	/(pupil|student|child)('s|s'|s)?\s+(full\s+)?(name|surname)/i,
	/(first|last|full)\s+name/i,
	/surname/i
];

export function asksForPupilName(text: string): boolean {
	return patterns.some((p) => p.test(text));
}

/** The keys of the fields whose label or help seems to ask for a pupil's name. */
export function pupilNameWarnings(fields: FormField[]): string[] {
	return fields.filter((f) => asksForPupilName(`${f.label}\n${f.help}`)).map((f) => f.key);
}

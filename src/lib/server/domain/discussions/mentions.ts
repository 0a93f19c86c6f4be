// Mentions of members in a post: "@" and a member's name, as people write it: the full name
// ("@Асанова Гүлнара"), the first two words of it, or one word of it when only one member
// has that word ("@Гүлнара"). Kyrgyz letters (ң, ө, ү) and case are handled by the locale's
// lower-casing. Pure, shared by saving (who was mentioned) and showing (what to highlight).

export interface Person {
	id: string;
	fullName: string;
}

export interface Mention {
	start: number;
	end: number;
	userId: string;
}

const letter = /[\p{L}\p{M}\p{N}'’-]/u;
const lower = (s: string) => s.toLocaleLowerCase('ky');

/** The ways a person may be named after "@", each with whom it names (null: ambiguous). */
function handles(people: Person[]): Map<string, string | null> {
	const names = new Map<string, string | null>();
	const add = (handle: string, id: string) => {
		const key = lower(handle.trim().replace(/\s+/g, ' '));
		if (!key) return;
		const known = names.get(key);
		names.set(key, known === undefined || known === id ? id : null);
	};
	for (const person of people) {
		const words = person.fullName.trim().split(/\s+/);
		add(person.fullName, person.id);
		if (words.length > 2) add(words.slice(0, 2).join(' '), person.id);
		for (const word of words) add(word, person.id);
	}
	return names;
}

/** Where the text mentions whom; the longest name that fits wins. */
export function findMentions(text: string, people: Person[]): Mention[] {
	if (!text.includes('@') || people.length === 0) return [];
	const names = handles(people);
	const longest = Math.max(...[...names.keys()].map((k) => k.length));
	const found: Mention[] = [];
	for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
		// An e-mail address ("a@b.kg") is not a mention.
		if (at > 0 && letter.test(text[at - 1]!)) continue;
		const after = lower(text.slice(at + 1, at + 1 + longest).replace(/\s+/g, ' '));
		let best: { length: number; userId: string } | null = null;
		for (const [name, userId] of names) {
			if (!userId || !after.startsWith(name) || letter.test(after[name.length] ?? '')) continue;
			if (!best || name.length > best.length) best = { length: name.length, userId };
		}
		if (!best) continue;
		const end = endOf(text, at + 1, best.length);
		found.push({ start: at, end, userId: best.userId });
		at = end - 1;
	}
	return found;
}

/** The end in the original text of `length` characters counted with spaces collapsed. */
function endOf(text: string, from: number, length: number): number {
	let i = from;
	let counted = 0;
	while (i < text.length && counted < length) {
		if (/\s/.test(text[i]!)) while (i + 1 < text.length && /\s/.test(text[i + 1]!)) i++;
		i++;
		counted++;
	}
	return i;
}

export type PostPart = { text: string } | { text: string; mention: string };

/** The post's text in parts, mentions apart, for the page to highlight. */
export function mentionParts(text: string, people: Person[]): PostPart[] {
	const parts: PostPart[] = [];
	let from = 0;
	for (const m of findMentions(text, people)) {
		if (m.start > from) parts.push({ text: text.slice(from, m.start) });
		parts.push({ text: text.slice(m.start, m.end), mention: m.userId });
		from = m.end;
	}
	if (from < text.length) parts.push({ text: text.slice(from) });
	return parts;
}

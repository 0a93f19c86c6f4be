// People are faces (docs/design.md): a profile photo, or initials on a colour derived from the
// name, the same colour wherever the person appears.

/** What a page needs to show a person: their name and, if they have one, their photo's URL. */
export interface Face {
	name: string;
	/** `/people/<id>/photo?v=<time>`, or null: initials are shown. */
	photo: string | null;
}

/** Up to two initials: the first letters of the first two words ("Айгүл Сыдыкова" → "АС"). */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	const letters = words.slice(0, 2).map((word) => Array.from(word)[0]!.toUpperCase());
	return letters.join('') || '?';
}

/** A hue from the name: stable, spread over the circle (FNV-1a). */
export function hueOf(name: string): number {
	let hash = 0x811c9dc5;
	for (const char of name) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0) % 360;
}

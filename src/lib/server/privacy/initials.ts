/**
 * The default name kept for an erased person: the initials of each word of the full name,
 * «Асанова Тамара» → «А. Т.». Letters of any script; a name without letters keeps «—».
 */
export function initialsOf(fullName: string): string {
	const letters = fullName
		.split(/[\s\-‐]+/u)
		.map((word) => /\p{L}/u.exec(word)?.[0])
		.filter((letter): letter is string => Boolean(letter))
		.map((letter) => `${letter.toLocaleUpperCase()}.`);
	return letters.length > 0 ? letters.slice(0, 3).join(' ') : '—';
}

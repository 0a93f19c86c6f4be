/**
 * Text someone typed (a group's name, a title), made fit for a mail's Subject line: no
 * line breaks or other control characters (no header can be smuggled in), spaces collapsed,
 * at most `max` characters with an ellipsis — so nobody can write a whole message into the
 * subject of a mail the app sends in its own name.
 */
export function subjectText(text: string, max = 60): string {
	const clean = text
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
	const chars = [...clean];
	return chars.length <= max
		? clean
		: `${chars
				.slice(0, max - 1)
				.join('')
				.trimEnd()}…`;
}

/** The same, in «…» so that it reads as a quotation, not as the app's own words. */
export function quotedSubject(text: string, max = 60): string {
	return `«${subjectText(text, max)}»`;
}

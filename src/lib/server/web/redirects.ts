/** Where to go after sign-in etc.: only paths on this site, never "//evil.example". */
export function safeNext(next: string | null | undefined, fallback = '/home'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return fallback;
	return next;
}

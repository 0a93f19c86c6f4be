// Any origin works as the base: only whether the parsed URL stays on it matters.
const base = 'http://app.invalid';

/** Control characters, spaces of every kind and backslashes: browsers drop or reinterpret them. */
const unsafeCharacter =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/u;

/**
 * Where to go after sign-in etc.: only a path on this site. The value is parsed as a browser
 * parses a Location header, must stay on the same origin, and the parsed (percent-encoded,
 * normalized) path, query and fragment are returned, so the header is always valid. Anything
 * a browser might read differently from this parser — control characters, backslashes, a
 * leading "//", their percent-encoded forms — is refused outright.
 */
export function safeNext(next: string | null | undefined, fallback = '/home'): string {
	if (typeof next !== 'string' || !next.startsWith('/') || next.length > 2048) return fallback;
	if (unsafeCharacter.test(next) || next.startsWith('//')) return fallback;
	// The path once decoded, as a server or proxy further on may decode it (the query may
	// carry any text, e.g. a search for a space).
	let decodedPath: string;
	try {
		decodedPath = decodeURIComponent(next.split(/[?#]/, 1)[0]!);
	} catch {
		return fallback;
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(decodedPath) || decodedPath.startsWith('//')) return fallback;
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	const path = url.pathname + url.search + url.hash;
	if (!path.startsWith('/') || path.startsWith('//') || !/^[\x21-\x7e]+$/.test(path))
		return fallback;
	return path;
}

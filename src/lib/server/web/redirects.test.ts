import { describe, expect, it } from 'vitest';
import { hostileNext } from '../../../../tests/security/redirect-corpus';
import { safeNext } from './redirects';

const origin = 'https://ustat.example';

/** Where a browser goes with this Location header, as the WHATWG URL parser reads it. */
const landing = (location: string) => new URL(location, origin);

describe('safeNext', () => {
	it.each(hostileNext.map((n) => [JSON.stringify(n), n]))('%s stays on the site', (_, next) => {
		const result = safeNext(next);
		expect(landing(result).origin).toBe(origin);
		// A header value: no control characters, nothing outside Latin-1 (else a 500).
		expect(result).toMatch(/^\/[\x21-\x7e]*$/);
		expect(result.startsWith('//')).toBe(false);
		expect(result.includes('\\')).toBe(false);
	});

	it('refuses the values the penetration test used, falling back', () => {
		expect(safeNext('/%09/host'.replace('%09', '\t'))).toBe('/home');
		expect(safeNext('/%09/host')).toBe('/home');
		expect(safeNext('/\u0000')).toBe('/home');
		expect(safeNext('/a\nb', '')).toBe('');
	});

	it('keeps a path on the site, normalized', () => {
		expect(safeNext('/profile')).toBe('/profile');
		expect(safeNext('/groups/abc?tab=plan#x')).toBe('/groups/abc?tab=plan#x');
		expect(safeNext('/a/./b/../c')).toBe('/a/c');
		expect(safeNext('/search?q=%D1%82%D0%B5%D1%81%D1%82')).toBe(
			'/search?q=%D1%82%D0%B5%D1%81%D1%82'
		);
		expect(safeNext('/search?q=тест')).toBe('/search?q=%D1%82%D0%B5%D1%81%D1%82');
	});

	it('falls back on nothing', () => {
		expect(safeNext(null)).toBe('/home');
		expect(safeNext(undefined, '/')).toBe('/');
		expect(safeNext('')).toBe('/home');
	});
});

describe('safeNext and ordinary text', () => {
	it('keeps encoded spaces and slashes inside a query', () => {
		expect(safeNext('/search?q=a%20b%2F%2Fc')).toBe('/search?q=a%20b%2F%2Fc');
	});
});

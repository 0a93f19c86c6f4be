import { describe, expect, it } from 'vitest';
import { isCrossSiteForm } from './csrf';

const url = new URL('https://ustat.example/signin');
const post = (headers: Record<string, string>, method = 'POST') =>
	new Request(url, { method, headers, body: method === 'GET' ? undefined : 'a=1' });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('cross-site form posts', () => {
	it('refuses another origin and a missing one, as SvelteKit did', () => {
		expect(
			isCrossSiteForm(post({ ...form, origin: 'https://evil.example' }), url, '/(public)/signin')
		).toBe(true);
		expect(isCrossSiteForm(post(form), url, '/(public)/signin')).toBe(true);
		expect(
			isCrossSiteForm(
				post({ 'content-type': 'multipart/form-data; boundary=x', origin: 'https://evil.example' }),
				url,
				'/(app)/groups/[groupId]/materials/new'
			)
		).toBe(true);
	});

	it('counts a write of no Content-Type as a form (a fetch of an untyped Blob)', () => {
		const untyped = new Request(url, { method: 'POST', body: new Uint8Array(1) });
		expect(untyped.headers.get('content-type')).toBeNull();
		expect(isCrossSiteForm(untyped, url, '/signout')).toBe(true);
	});

	it('lets our own forms, JSON and reads through', () => {
		expect(
			isCrossSiteForm(post({ ...form, origin: 'https://ustat.example' }), url, '/(public)/signin')
		).toBe(false);
		expect(isCrossSiteForm(post({ 'content-type': 'application/json' }), url, '/x')).toBe(false);
		expect(isCrossSiteForm(new Request(url), url, '/(public)/signin')).toBe(false);
	});

	it('leaves OAI-PMH open to harvesters, which post forms without an Origin', () => {
		expect(isCrossSiteForm(post(form), url, '/oai')).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { useWorld, type World } from './world';

// Search everywhere over HTTP, as a person uses it with JavaScript off: a GET form, results
// with the matched words marked and a link to each page, and answers (never an error) to a
// 10 KB query or one made of operators. The world's material «Ата-мекен: 3-класска сабактын
// планы» is memberA's, offered: group work, not for a teacher of the school outside the group.

let server: TestServer;
let world: World;
useWorld((s, w) => {
	server = s;
	world = w;
});

const get = (path: string, kind: keyof World['cookies']) =>
	call(server, path, { cookie: world.cookies[kind] });

describe('the search page', () => {
	it('finds the group work a member may see, marked, with a link', async () => {
		const response = await get(`/search?q=${encodeURIComponent('сабагы')}`, 'memberA');
		const html = await response.text();
		expect(response.status).toBe(200);
		expect(html).toContain('<form method="get" action="/search"');
		expect(html).toContain('name="q"');
		expect(html).toContain(`/groups/${world.groupId}/materials/${world.materialId}`);
		expect(html).toMatch(/<mark>сабактын<\/mark>/i);
	});

	it('shows a teacher outside the group none of its work', async () => {
		const html = await (
			await get(`/search?q=${encodeURIComponent('сабактын')}`, 'teacherA')
		).text();
		expect(html).not.toContain(`/materials/${world.materialId}`);
		expect(html).not.toContain('<mark>');
	});

	it('answers a 10 KB query and operator soup quickly', async () => {
		const started = performance.now();
		// 10 KB of query (an address over 16 KB is refused by Node itself, with 431).
		const long = await get(
			`/search?q=${encodeURIComponent('сабак')}+${'x+'.repeat(5000)}`,
			'memberA'
		);
		expect(long.status).toBe(200);
		expect(await long.text()).toContain(`/materials/${world.materialId}`);
		const soup = await get(
			`/search?q=${encodeURIComponent('" * : ( ) OR AND NEAR - ^ '.repeat(100))}&kind=x&page=-4`,
			'memberA'
		);
		expect(soup.status).toBe(200);
		expect(await soup.text()).toContain('role="status"');
		expect(performance.now() - started).toBeLessThan(5000);
	});

	it('sends anonymous visitors to sign in', async () => {
		const response = await call(server, '/search?q=x');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toContain('/signin');
	});
});

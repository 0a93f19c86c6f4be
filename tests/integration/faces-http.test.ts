import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { PHOTO_MAX_BYTES } from '../../src/lib/server/domain/accounts/photos';
import { makeSchool, makeUser, sessionTokenFor } from '../../src/lib/server/test/factories';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { faceOf } from '../../src/lib/server/web/faces';
import type { User } from '../../src/lib/server/db/types';
import { setUp } from './world';

// Issue 17 (faces) over HTTP: the profile photo form with and without JavaScript, its
// refusals as translated messages, and the photo's address (headers, who sees it).

let server: TestServer;
let me: User;
let cookies: Record<'me' | 'colleague' | 'stranger', string>;

beforeAll(async () => {
	server = await startTestServer();
	const a = { id: (await setUp(server)).schoolId };
	const b = await makeSchool(server.db);
	me = await makeUser(server.db, { schoolId: a.id, fullName: 'Айгүл Сыдыкова' });
	const colleague = await makeUser(server.db, { schoolId: a.id });
	const stranger = await makeUser(server.db, { schoolId: b.id });
	const cookie = async (user: User) => `${sessionCookie}=${await sessionTokenFor(server.db, user)}`;
	cookies = {
		me: await cookie(me),
		colleague: await cookie(colleague),
		stranger: await cookie(stranger)
	};
});
afterAll(async () => {
	await server?.stop();
});

const png = (width = 500, height = 300) =>
	sharp({ create: { width, height, channels: 3, background: '#7d3c98' } })
		.png()
		.toBuffer();

function photoForm(bytes: Uint8Array | Buffer, name = 'мен.png', type = 'image/png') {
	const form = new FormData();
	form.append('photo', new Blob([new Uint8Array(bytes)], { type }), name);
	return form;
}

const enhanced = { accept: 'application/json', 'x-sveltekit-action': 'true' };

async function myFace() {
	const row = await server.db
		.selectFrom('users')
		.select(['id', 'fullName', 'photoKey', 'photoUpdatedAt'])
		.where('id', '=', me.id)
		.executeTakeFirstOrThrow();
	return faceOf(row);
}

describe('the profile photo form', () => {
	it('without JavaScript: saved, then redirected to the profile (a reload re-posts nothing)', async () => {
		const response = await call(server, '/profile?/photo', {
			cookie: cookies.me,
			multipart: photoForm(await png())
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/profile');
		const face = await myFace();
		expect(face.photo).toMatch(new RegExp(`^/people/${me.id}/photo\\?v=`));
		const page = await call(server, '/profile', {
			cookie: [cookies.me, ...response.headers.getSetCookie().map((c) => c.split(';')[0])].join(
				'; '
			)
		});
		const html = await page.text();
		expect(html).toContain(face.photo!.replaceAll('&', '&amp;'));
		expect(html).toContain('Сүрөт сакталды.');
	});

	it('refuses with a translated message, never a 500', async () => {
		const refused = async (form: FormData) => {
			const response = await call(server, '/profile?/photo', {
				cookie: cookies.me,
				multipart: form,
				headers: enhanced
			});
			const body = await response.json();
			expect(body).toMatchObject({ type: 'failure', status: 400 });
			return JSON.stringify(body.data);
		};
		expect(await refused(photoForm(Buffer.from('бул сүрөт эмес'), 'a.png'))).toContain(
			'Бул файл сүрөт эмес'
		);
		expect(await refused(new FormData())).toContain('Сүрөт файлын тандаңыз');
		// Larger than the limit: refused from the declared length, the body never read.
		const big = Buffer.alloc(PHOTO_MAX_BYTES + 100_000, 1);
		expect(await refused(photoForm(big))).toContain('МБдан ашпашы керек');
	});
});

describe('the photo’s address', () => {
	it('is served as WebP to the school, cached privately under its version; others get 404', async () => {
		await call(server, '/profile?/photo', {
			cookie: cookies.me,
			multipart: photoForm(await png()),
			headers: enhanced
		});
		const { photo } = await myFace();
		const response = await call(server, photo!, { cookie: cookies.colleague });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/webp');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
		const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });

		const small = await call(server, `${photo}&size=small`, { cookie: cookies.colleague });
		expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(96);
		// An old version is not cached for long: the next look asks again.
		const stale = await call(server, `/people/${me.id}/photo?v=old`, { cookie: cookies.me });
		expect(stale.headers.get('cache-control')).toBe('private, no-cache');

		expect((await call(server, photo!, { cookie: cookies.stranger })).status).toBe(404);
		expect((await call(server, photo!)).status).toBe(401);
	});

	it('is gone once removed: the initials come back', async () => {
		const response = await call(server, '/profile?/removePhoto', {
			cookie: cookies.me,
			form: {},
			headers: enhanced
		});
		expect(await response.json()).toMatchObject({ type: 'success' });
		expect((await myFace()).photo).toBeNull();
		expect((await call(server, `/people/${me.id}/photo`, { cookie: cookies.me })).status).toBe(404);
	});
});

import http from 'node:http';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { submit } from '../../src/lib/server/test/submit';
import { teacherDocx, TEACHER_TEXT, zipBombDocx } from '../../src/lib/server/test/docx-fixtures';
import { materialForm, tinyPdf } from '../../src/lib/server/test/materials';
import { xssPayloads } from '../../src/lib/server/richtext/xss-payloads';
import { useWorld, type World } from './world';

// Materials over HTTP as a browser without JavaScript sends them: files streamed as
// multipart, limits, safe downloads, Word import, and stored XSS that never comes back.
// This server takes files of at most 1 MB (MAX_FILE_MB=1).

let server: TestServer;
let world: World;

useWorld(
	(s, w) => {
		server = s;
		world = w;
	},
	{ MAX_FILE_MB: '1' }
);

const material = () => `/groups/${world.groupId}/materials/${world.materialId}`;
const draft = () => `/groups/${world.groupId}/materials/${world.draftId}`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const member = () => world.cookies.memberA;

function upload(path: string, files: { name: string; bytes: Uint8Array; type?: string }[]) {
	const form = new FormData();
	for (const f of files)
		form.append(
			'files',
			new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }),
			f.name
		);
	return submit(server, `${path}?/upload`, { cookie: member(), multipart: form });
}

async function attachmentsOf(materialId: string) {
	return server.db
		.selectFrom('materialAttachments')
		.select(['id', 'name', 'kind', 'size', 'hasThumbnail'])
		.where('materialId', '=', materialId)
		.where('removedAt', 'is', null)
		.orderBy('uploadedAt')
		.orderBy('id')
		.execute();
}

describe('attachments over HTTP', () => {
	it('a PDF and a photo are streamed in, typed by content, thumbnailed and served safely', async () => {
		const photo = await sharp({
			create: { width: 800, height: 600, channels: 3, background: '#3a7' }
		})
			.jpeg()
			.toBuffer();
		const before = (await attachmentsOf(world.materialId)).length;
		const response = await upload(material(), [
			{ name: 'Сабак ң ө ү.pdf', bytes: tinyPdf() },
			{ name: '../../etc/Ала-Тоо.jpg', bytes: new Uint8Array(photo) }
		]);
		expect(response.status).toBe(200);
		const rows = await attachmentsOf(world.materialId);
		expect(rows).toHaveLength(before + 2);
		const [pdf, jpg] = rows.slice(-2);
		expect([pdf!.name, pdf!.kind]).toEqual(['Сабак ң ө ү.pdf', 'pdf']);
		expect([jpg!.name, jpg!.kind, jpg!.hasThumbnail]).toEqual(['Ала-Тоо.jpg', 'jpeg', true]);

		const download = await call(server, `${material()}/files/${pdf!.id}`, { cookie: member() });
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(download.headers.get('content-disposition')).toMatch(/^attachment;.*filename\*=UTF-8''/);
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(download.headers.get('content-security-policy')).toContain('sandbox');
		expect(new Uint8Array(await download.arrayBuffer())).toEqual(tinyPdf());

		const inline = await call(server, `${material()}/files/${pdf!.id}?view=inline`, {
			cookie: member()
		});
		expect(inline.headers.get('content-disposition')).toMatch(/^inline/);
		await inline.arrayBuffer();
		const range = await call(server, `${material()}/files/${pdf!.id}`, {
			cookie: member(),
			headers: { range: 'bytes=0-4' }
		});
		expect(range.status).toBe(206);
		expect(await range.text()).toBe('%PDF-');

		const thumb = await call(server, `${material()}/files/${jpg!.id}?view=thumb`, {
			cookie: world.cookies.adminA
		});
		expect(thumb.headers.get('content-type')).toBe('image/webp');
		const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
		expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(320);
		// Another school is told the file does not exist.
		const foreign = await call(server, `${material()}/files/${pdf!.id}`, {
			cookie: world.cookies.adminB
		});
		expect(foreign.status).toBe(404);
	});

	it('refuses a disguised page, an oversized file and an empty one, saving nothing', async () => {
		const before = (await attachmentsOf(world.materialId)).length;
		const page = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
		const disguised = await upload(material(), [
			{ name: 'good.pdf', bytes: tinyPdf() },
			{ name: 'plan.pdf', bytes: page, type: 'application/pdf' }
		]);
		expect(disguised.status).toBe(400);
		expect(text(await disguised.text())).toContain('«plan.pdf» файлынын түрү кабыл алынбайт');

		const big = new Uint8Array(1024 * 1024 + 10);
		big.set(tinyPdf());
		const oversized = await upload(material(), [{ name: 'чоң.pdf', bytes: big }]);
		expect(oversized.status).toBe(400);
		expect(text(await oversized.text())).toContain('чоң.pdf');

		const empty = await upload(material(), [{ name: 'бош.pdf', bytes: new Uint8Array() }]);
		expect(empty.status).toBe(400);
		expect((await attachmentsOf(world.materialId)).length).toBe(before);
	});

	// Refused bodies are sent on their own connection: the server answers without reading
	// them and closes it, which would break a pooled connection for the next test.
	it('a form without files is held to 1 MB: a translated 413', async () => {
		const big = await ownConnection('POST', material() + '?/comment', {
			headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: member()! },
			body: `body=${'ы'.repeat(700_000)}`,
			length: true
		});
		expect(big.status).toBe(413);
		expect(text(big.text)).toContain('өтө чоң');
		// A body of unknown length (chunked) is only taken where files stream.
		const chunked = await ownConnection('POST', '/signin', {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'email=a%40b.kg&password=x',
			length: false
		});
		expect(chunked.status).toBe(413);
	});
});

/** One request on a connection of its own; `length: false` sends the body chunked. */
function ownConnection(
	method: string,
	path: string,
	init: { headers: Record<string, string>; body: string; length: boolean }
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const body = Buffer.from(init.body);
		const request = http.request(`${server.url}${path}`, {
			method,
			agent: false,
			headers: {
				origin: server.url,
				accept: 'text/html',
				...init.headers,
				...(init.length ? { 'content-length': String(body.length) } : {})
			}
		});
		request.on('response', (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
		});
		request.on('error', reject);
		// Written before end(): without a Content-Length, Node then sends it chunked.
		request.write(body);
		request.end();
	});
}

describe('Word import without JavaScript', () => {
	it('fills the body from the file and keeps every other field as typed', async () => {
		const form = new FormData();
		const typed = materialForm({ title: 'Жаңы аталыш, али сакталган жок' });
		for (const [key, value] of Object.entries(typed))
			for (const v of Array.isArray(value) ? value : [value]) form.append(key, String(v));
		form.append('docx', new Blob([new Uint8Array(await teacherDocx())]), 'план.docx');
		const response = await submit(server, `${draft()}/edit?/import`, {
			cookie: member(),
			multipart: form
		});
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('value="Жаңы аталыш, али сакталган жок"');
		expect(html).toContain(TEACHER_TEXT.title);
		expect(html).toMatch(/&lt;table/);
		// The picture is already stored for this material and served to its authors.
		const src = /images\/([0-9a-f]{64})/.exec(html)![1]!;
		const image = await call(server, `${draft()}/images/${src}`, { cookie: member() });
		expect(image.headers.get('content-type')).toBe('image/png');
		// Nothing was saved: the draft keeps its title.
		const saved = await server.db
			.selectFrom('materials')
			.select('title')
			.where('id', '=', world.draftId)
			.executeTakeFirstOrThrow();
		expect(saved.title).toBe('Долбоор');
	});

	it('a zip bomb is refused with a translated error under the file field', async () => {
		const form = new FormData();
		form.append('title', 'Бомба');
		form.append('docx', new Blob([new Uint8Array(zipBombDocx())]), 'bomb.docx');
		const response = await submit(server, `${draft()}/edit?/import`, {
			cookie: member(),
			multipart: form
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('id="docx-error"');
		expect(html).toContain('value="Бомба"');
	});
});

describe('stored XSS', () => {
	it('every payload saved in a body comes back inert', async () => {
		const saved = await call(server, `${draft()}/edit?/save`, {
			cookie: member(),
			form: materialForm({ body: xssPayloads.join('\n') }) as Record<string, string | string[]>
		});
		expect(saved.status).toBe(303);
		const page = await (await call(server, draft(), { cookie: member() })).text();
		const body = page.slice(
			page.indexOf('class="body'),
			page.indexOf('<section', page.indexOf('class="body') + 1)
		);
		expect(body.length).toBeGreaterThan(50);
		expect(body).not.toMatch(/<script|<iframe|<object|<embed|<svg|<math|<style|<form|<meta|<base/i);
		expect(body).not.toMatch(/\son[a-z]+\s*=/i);
		expect(body).not.toMatch(/javascript:|vbscript:|data:text/i);
	});
});

describe('the forms of a material page without JavaScript', () => {
	const leader = () => world.cookies.leaderA;
	const criterionIds = async () =>
		(
			await server.db
				.selectFrom('reviewCriteria')
				.select('id')
				.where('groupId', '=', world.groupId)
				.where('isActive', '=', true)
				.orderBy('position')
				.execute()
		).map((c) => c.id);

	it('a failed decision shows in the decision form, a failed comment in the comment form', async () => {
		const decided = await call(server, `${material()}?/decide`, {
			cookie: leader(),
			form: { to: 'accepted', reason: '' }
		});
		expect(decided.status).toBe(400);
		const html = await decided.text();
		expect(html).toContain('id="field-reason-error"');
		expect(html).not.toContain('id="field-body-error"');
		const commented = await call(server, `${material()}?/comment`, {
			cookie: leader(),
			form: { body: ' ' }
		});
		expect(commented.status).toBe(400);
		const page = await commented.text();
		expect(page).toContain('id="field-body-error"');
		expect(page).not.toContain('id="field-reason-error"');
	});

	it('a review with nothing chosen names every criterion and keeps the comment', async () => {
		const ids = await criterionIds();
		expect(ids.length).toBeGreaterThan(0);
		const response = await call(server, `${material()}/review`, {
			cookie: leader(),
			form: { comment: 'Сактала турган пикир' }
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		for (const id of ids) expect(html).toContain(`id="score_${id}-error"`);
		expect(html).toContain('id="recommendation-error"');
		expect(html).toContain('Сактала турган пикир');
	});

	it('a criterion name too long is shown under that criterion', async () => {
		const [first] = await criterionIds();
		const response = await call(server, `/groups/${world.groupId}/criteria?/save`, {
			cookie: leader(),
			form: { [`active_${first}`]: 'on', [`name_${first}`]: 'ы'.repeat(201) }
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain(`id="field-name_${first}-error"`);
	});
});

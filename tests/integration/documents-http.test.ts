import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx, readPdf, squeeze } from '../../src/lib/server/export/collection/testing';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { buildDocuments } from './world-documents';
import { useWorld, type World } from './world';

// An accepted material's own documents over HTTP, as a browser without JavaScript gets them:
// the PDF and the DOCX downloaded with a readable name, the print view without the app's
// chrome, scripts or comments, and the links on the material page only once it is accepted.

let server: TestServer;
let world: World;
let accepted: string;

useWorld((s, w) => {
	server = s;
	world = w;
});
beforeAll(async () => {
	const { documentsMaterialId } = await buildDocuments({
		server,
		groupId: world.groupId,
		materialId: world.materialId,
		users: world.users
	});
	accepted = `/groups/${world.groupId}/materials/${documentsMaterialId}`;
});

const TITLE = 'Документ катары кабыл алынган материал';

describe('an accepted material’s documents over HTTP', () => {
	it('the PDF and the DOCX download with the title as their name', async () => {
		const pdf = await call(server, `${accepted}/material.pdf`, { cookie: world.cookies.memberA });
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const disposition = pdf.headers.get('content-disposition') ?? '';
		expect(disposition).toMatch(/^attachment; /);
		expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`${TITLE} (v1).pdf`);
		const text = squeeze((await readPdf(new Uint8Array(await pdf.arrayBuffer()))).text);
		expect(text).toContain(TITLE);
		expect(text).toContain('Версиясы: 1');

		const docx = await call(server, `${accepted}/material.docx`, { cookie: world.cookies.adminA });
		expect(docx.status).toBe(200);
		expect(readDocx(new Uint8Array(await docx.arrayBuffer())).text).toContain(TITLE);
	});

	it('the print view: the document alone, no script, no comments, nothing to press', async () => {
		const response = await call(server, `${accepted}/print`, { cookie: world.cookies.leaderA });
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('class="bare');
		expect(html).not.toContain('class="site');
		expect(html).toContain(TITLE);
		expect(html).toContain('Ctrl+P');
		expect(html).not.toMatch(/<script\b/);
		expect(html).not.toMatch(/<(form|button|textarea)\b/);
	});

	it('the material page links to them once the material is accepted', async () => {
		const page = await (await call(server, accepted, { cookie: world.cookies.memberA })).text();
		for (const tail of ['/material.pdf', '/material.docx', '/print'])
			expect(page).toContain(`href="${accepted}${tail}"`);
		const offered = `/groups/${world.groupId}/materials/${world.materialId}`;
		const other = await (await call(server, offered, { cookie: world.cookies.memberA })).text();
		expect(other).not.toContain('/material.pdf');
	});
});

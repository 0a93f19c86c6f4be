import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { photoBlobKeys } from '../domain/accounts/photos';
import { setPhoto } from '../domain/accounts/set-photo';
import { testPassword } from '../test/factories';
import { makeGroupWorld } from '../test/groups';
import { ctxWithStore, tempStore } from '../test/materials';
import { useTestDatabase } from '../test/vitest';
import { erasePersonalData } from './erase-personal-data';
import { exportPersonalData } from './export-personal-data';

// Issue 17: the profile photo is personal data (tables.ts lists users.photo_key).

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function photoFile(): Promise<{ path: string; size: number }> {
	const bytes = await sharp({
		create: { width: 320, height: 240, channels: 3, background: '#1f6f8b' }
	})
		.png()
		.toBuffer();
	const file = path.join(root, `upload-${Math.random().toString(36).slice(2)}`);
	fs.writeFileSync(file, bytes);
	return { path: file, size: bytes.length };
}

describe('the profile photo as personal data', () => {
	it('is in the export as the picture itself, and erasure deletes its files and columns', async () => {
		const w = await makeGroupWorld(t.db);
		const person = w.member;
		await setPhoto(ctxWithStore(t.db, person, store), {
			userId: person.id,
			file: await photoFile()
		});
		const { photoKey } = await t.db
			.selectFrom('users')
			.select('photoKey')
			.where('id', '=', person.id)
			.executeTakeFirstOrThrow();

		const data = await exportPersonalData(ctxWithStore(t.db, person, store), {
			userId: person.id
		});
		expect(data.photo).toMatchObject({ mime: 'image/webp', width: 256, height: 256 });
		const picture = await sharp(Buffer.from(data.photo!.base64, 'base64')).metadata();
		expect(picture).toMatchObject({ format: 'webp', width: 256, height: 256 });

		await erasePersonalData(ctxWithStore(t.db, w.admin, store), {
			userId: person.id,
			keptName: 'Н. Ү.',
			confirmEmail: person.email,
			password: testPassword
		});
		const after = await t.db
			.selectFrom('users')
			.select(['photoKey', 'photoUpdatedAt'])
			.where('id', '=', person.id)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ photoKey: null, photoUpdatedAt: null });
		for (const key of photoBlobKeys(photoKey!)) expect(await store.size(key)).toBeNull();
		const erased = await exportPersonalData(ctxWithStore(t.db, w.admin, store), {
			userId: person.id
		});
		expect(erased.photo).toBeNull();
	});
});

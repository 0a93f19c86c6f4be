import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { actorOf, makeUser } from '../../test/factories';
import { makeGroupWorld } from '../../test/groups';
import { ctxWithStore, tempStore } from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { faceOf } from '../../web/faces';
import { getFaces } from './get-faces';
import { getPhoto } from './get-photo';
import type { PhotoUpload } from './input-photo';
import { photoBlobKeys, PHOTO_MAX_BYTES } from './photos';
import { removePhoto } from './remove-photo';
import { setPhoto } from './set-photo';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const ctx = (actor: Actor, now?: Date) => ctxWithStore(t.db, actor, store, now);

/** A file as the upload intake leaves it. */
function upload(bytes: Uint8Array | Buffer, name = `photo-${Math.random()}`): PhotoUpload {
	const file = path.join(root, name);
	fs.writeFileSync(file, bytes);
	return { path: file, size: bytes.length };
}

/** A real landscape PNG: a wide red band with a blue square in the middle. */
const landscapePng = () =>
	sharp({ create: { width: 600, height: 300, channels: 3, background: '#c0392b' } })
		.composite([
			{
				input: {
					create: { width: 100, height: 100, channels: 3, background: '#2e86c1' }
				},
				left: 250,
				top: 100
			}
		])
		.png()
		.toBuffer();

/** A PNG whose header says `width`×`height` but which holds a 2×2 picture: never decodable. */
async function bombPng(width: number, height: number): Promise<Buffer> {
	const png = Buffer.from(
		await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
			.png()
			.toBuffer()
	);
	// IHDR is the first chunk: length (4) type (4) at 8, width at 16, height at 20, CRC at 29.
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
	return png;
}

async function owner(db = t.db) {
	return actorOf(await makeUser(db, { schoolId: null, fullName: 'Айгүл Сыдыкова' }));
}

async function photoColumns(userId: string) {
	return t.db
		.selectFrom('users')
		.select(['photoKey', 'photoUpdatedAt'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
}

describe('profile photo', () => {
	it('is cropped to a 256 px square WebP (and a 96 px one), stored and served by its version', async () => {
		const me = await owner();
		const at = new Date('2026-12-07T10:00:00Z');
		await setPhoto(ctx(me, at), { userId: me.id, file: upload(await landscapePng()) });

		const row = await photoColumns(me.id);
		expect(row.photoKey).toMatch(/^[0-9a-f]{64}$/);
		expect(new Date(row.photoUpdatedAt!).getTime()).toBe(at.getTime());
		const photo = await getPhoto(ctx(me), { userId: me.id });
		const bytes = await new Response(
			(await store.read(photo.blobKey)) as unknown as ReadableStream
		).arrayBuffer();
		const meta = await sharp(Buffer.from(bytes)).metadata();
		expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
		const small = await getPhoto(ctx(me), { userId: me.id, size: 'small' });
		expect(small.blobKey).not.toBe(photo.blobKey);
		// The address faceOf gives carries the same version the endpoint checks.
		const face = faceOf({ id: me.id, fullName: me.fullName, ...row });
		expect(face.photo).toBe(`/people/${me.id}/photo?v=${photo.version}`);
	});

	it('replacing deletes the old files; removing deletes them and brings the initials back', async () => {
		const me = await owner();
		await setPhoto(ctx(me), { userId: me.id, file: upload(await landscapePng()) });
		const first = (await photoColumns(me.id)).photoKey!;
		// The same picture again still gets a new key (a new address for caches).
		await setPhoto(ctx(me), { userId: me.id, file: upload(await landscapePng()) });
		const second = (await photoColumns(me.id)).photoKey!;
		expect(second).not.toBe(first);
		for (const key of photoBlobKeys(first)) expect(await store.size(key)).toBeNull();
		for (const key of photoBlobKeys(second)) expect(await store.size(key)).toBeGreaterThan(0);

		expect(await removePhoto(ctx(me), { userId: me.id })).toEqual({ removed: true });
		expect(await photoColumns(me.id)).toEqual({ photoKey: null, photoUpdatedAt: null });
		for (const key of photoBlobKeys(second)) expect(await store.size(key)).toBeNull();
		expect((await appError(getPhoto(ctx(me), { userId: me.id }))).code).toBe('not_found');
		expect(await removePhoto(ctx(me), { userId: me.id })).toEqual({ removed: false });
	});

	it('only one’s own photo is set or removed', async () => {
		const me = await owner();
		const other = await owner();
		const set = await appError(
			setPhoto(ctx(other), { userId: me.id, file: upload(await landscapePng()) })
		);
		expect(set.code).toBe('forbidden');
		expect((await appError(removePhoto(ctx(other), { userId: me.id }))).code).toBe('forbidden');
		expect((await photoColumns(me.id)).photoKey).toBeNull();
	});

	it('refuses what is not a usable photo with a clear message, keeping the old one', async () => {
		const me = await owner();
		await setPhoto(ctx(me), { userId: me.id, file: upload(await landscapePng()) });
		const kept = (await photoColumns(me.id)).photoKey;
		const refusal = async (file: PhotoUpload | null) =>
			(await appError(setPhoto(ctx(me), { userId: me.id, file }))).messageKey;

		expect(await refusal(null)).toBe('faces_error_photo_missing');
		expect(await refusal(upload(Buffer.from('просто текст, не сүрөт')))).toBe(
			'faces_error_photo_not_image'
		);
		// SVG would run through a renderer: only raster photos are taken.
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
		expect(await refusal(upload(Buffer.from(svg)))).toBe('faces_error_photo_not_image');
		expect(await refusal({ ...upload(Buffer.from('x')), size: PHOTO_MAX_BYTES + 1 })).toBe(
			'faces_error_photo_too_large'
		);
		// The header says 20000×20000: refused from it alone (decoding the 2×2 data it holds
		// would fail as damaged instead).
		expect(await refusal(upload(await bombPng(20_000, 20_000)))).toBe(
			'faces_error_photo_too_many_pixels'
		);
		const jpeg = await sharp(await landscapePng())
			.jpeg()
			.toBuffer();
		expect(await refusal(upload(jpeg.subarray(0, Math.floor(jpeg.length / 2))))).toBe(
			'faces_error_photo_damaged'
		);
		expect((await photoColumns(me.id)).photoKey).toBe(kept);
	});
});

describe('who sees a photo', () => {
	it('the school’s staff, the groups’ members, the operator; another school is told nothing', async () => {
		const w = await makeGroupWorld(t.db);
		for (const person of [w.member, w.admin])
			await setPhoto(ctx(person), { userId: person.id, file: upload(await landscapePng()) });
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		const sees = async (viewer: Actor, person: Actor) =>
			getPhoto(ctx(viewer), { userId: person.id }).then(
				() => true,
				() => false
			);
		expect(await sees(w.member, w.member)).toBe(true);
		expect(await sees(w.staff, w.member)).toBe(true);
		expect(await sees(w.scientist, w.member)).toBe(true);
		// The scientist reads the school admin's posts in the group's discussions.
		expect(await sees(w.scientist, w.admin)).toBe(true);
		expect(await sees(operator, w.member)).toBe(true);
		expect(await sees(w.otherTeacher, w.member)).toBe(false);
		expect(await sees(w.otherAdmin, w.member)).toBe(false);
		// A made-up id is just "not found".
		expect((await appError(getPhoto(ctx(w.member), { userId: 'nope' as Actor['id'] }))).code).toBe(
			'not_found'
		);

		const faces = await getFaces(ctxOf(t.db, w.otherTeacher), {
			userIds: [w.member.id, w.otherTeacher.id]
		});
		expect([...faces.keys()]).toEqual([w.otherTeacher.id]);
		const ours = await getFaces(ctxOf(t.db, w.scientist), { userIds: [w.member.id, w.admin.id] });
		expect(ours.get(w.member.id)?.photoKey).toMatch(/^[0-9a-f]{64}$/);
		expect(ours.size).toBe(2);
	});
});

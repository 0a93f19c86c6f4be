import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { setPhoto } from '../../src/lib/server/domain/accounts/set-photo';
import { createDiskStore } from '../../src/lib/server/storage/disk';
import { actorOf } from '../../src/lib/server/test/factories';
import type { TestServer } from '../../src/lib/server/test/server';
import type { User } from '../../src/lib/server/db/types';

/** A real photo (a PNG made by sharp), as a person uploads it, in the server's temp folder. */
export async function photoUpload(server: TestServer) {
	const bytes = await sharp({
		create: { width: 400, height: 300, channels: 3, background: '#2e86c1' }
	})
		.png()
		.toBuffer();
	const dir = path.join(server.dataDir, 'tmp');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `upload-world-photo-${Date.now()}`);
	fs.writeFileSync(file, bytes);
	return { path: file, size: bytes.length };
}

/**
 * Issue 17 (faces), for the permission matrix: memberA has a profile photo, stored where the
 * running server keeps its files, so that who may see it can be asked.
 */
export async function buildFaces(server: TestServer, users: { memberA: User }) {
	const store = createDiskStore(path.join(server.dataDir, 'files'));
	const file = await photoUpload(server);
	await setPhoto(
		{ db: server.db, actor: actorOf(users.memberA), now: new Date(), store },
		{ userId: actorOf(users.memberA).id, file }
	);
	fs.rmSync(file.path, { force: true });
	const row = await server.db
		.selectFrom('users')
		.select('photoUpdatedAt')
		.where('id', '=', users.memberA.id)
		.executeTakeFirstOrThrow();
	return { memberPhotoVersion: new Date(row.photoUpdatedAt!).getTime().toString(36) };
}

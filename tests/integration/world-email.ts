import path from 'node:path';
import { keyFile } from '../../src/lib/server/key-file';
import { deriveUnsubscribeKey, unsubscribeToken } from '../../src/lib/server/notify/email/tokens';
import type { WorldParts } from './world-parts';

/**
 * C8 email, for the permission matrix: an unsubscribe link of memberA's, signed with the
 * server's own key (DATA_DIR/links.key of the server the test started; made here first if
 * the server has not made it yet — both sides then read the same file).
 */
export function buildEmail({ server, users }: WorldParts) {
	const key = deriveUnsubscribeKey(keyFile(path.join(server.dataDir, 'links.key')));
	return {
		unsubscribeToken: unsubscribeToken(users.memberA!.id, 'vote.opened', key),
		unsubscribeAllToken: unsubscribeToken(users.memberA!.id, 'all', key)
	};
}

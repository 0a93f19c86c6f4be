import type { User } from '../../src/lib/server/db/types';
import type { GroupId, MaterialId } from '../../src/lib/server/domain/ids';
import type { TestServer } from '../../src/lib/server/test/server';

/**
 * What a capability's part of the permission world builds on: the server, the group of
 * school A (leaderA leads it; memberA and the consultant are members) and memberA's offered
 * material, and every account by kind.
 */
export interface WorldParts {
	server: TestServer;
	groupId: GroupId;
	materialId: MaterialId;
	users: Record<string, User>;
}

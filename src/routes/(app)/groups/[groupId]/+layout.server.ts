import { getGroupFace } from '$lib/server/domain/groups/get-group-face';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { groupFaceView } from '$lib/server/web/group-views';
import { orHttpError } from '$lib/server/web/load';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params, url }) => {
	void url.pathname; // rerun on every navigation: the tabs follow what the user may do now
	const ctx = actorCtx(locals);
	const groupId = asId<GroupId>(params.groupId);
	return { group: groupFaceView(await orHttpError(getGroupFace(ctx, { groupId }))) };
};

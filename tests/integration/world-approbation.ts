import type { WorldParts } from './world-parts';

/** C5 approbations and observations of the group, for the permission matrix. */
export async function buildApprobations(parts: WorldParts) {
	void parts;
	return {};
}

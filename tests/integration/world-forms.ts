import type { WorldParts } from './world-parts';

/** C5 forms and questionnaires of the group, for the permission matrix. */
export async function buildForms(parts: WorldParts) {
	void parts;
	return {};
}

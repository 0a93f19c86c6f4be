import type { MaterialStatus } from '../../db/types';

// A material becomes a document of its own once the group accepted it (§3.3, §3.4): before
// that it is work in progress, read on its page. Pure; who may see the material at all is
// the materials module's rule (canSeeMaterial).

export function hasDocuments(status: MaterialStatus): boolean {
	return status === 'accepted';
}

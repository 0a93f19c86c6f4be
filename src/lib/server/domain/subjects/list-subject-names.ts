import type { AnonymousCtx } from '../context';

/** Every subject with its three names, in the list's order (the operator's page). */
export function listSubjectNames({ db }: AnonymousCtx) {
	return db
		.selectFrom('subjects')
		.select(['id', 'nameKy', 'nameRu', 'nameEn'])
		.orderBy('position')
		.orderBy('id')
		.execute();
}

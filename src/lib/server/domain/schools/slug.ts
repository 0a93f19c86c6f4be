import type { DB } from '../../db/types';
import { toLatin } from '../../latin';

/**
 * A school's part of its public address (/s/<slug>): its name in Latin letters, lower case,
 * words joined by hyphens, made unique with -2, -3… Given once, kept when the name changes,
 * so addresses people saved keep working.
 */
export async function newSchoolSlug(db: DB, name: string): Promise<string> {
	const base =
		toLatin(name)
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 48)
			.replace(/-+$/, '') || 'school';
	const taken = await db
		.selectFrom('schools')
		.select('slug')
		.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
		.execute();
	const used = new Set(taken.map((t) => t.slug));
	let slug = base;
	for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}

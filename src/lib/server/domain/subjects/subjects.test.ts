import { describe, expect, it } from 'vitest';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { actorOf, makeSchool, makeUser } from '../../test/factories';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { addSubject } from './add-subject';
import { listSubjects } from './list-subjects';

const t = useTestDatabase();

describe('subjects', () => {
	it('the operator extends the seed list in three languages; nobody else may', async () => {
		const school = await makeSchool(t.db);
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		const admin = actorOf(await makeUser(t.db, { schoolId: school.id, role: 'admin' }));
		const before = await listSubjects(anonymousCtxOf(t.db), { locale: 'ky' });
		const { id } = await addSubject(ctxOf(t.db, operator), {
			nameKy: 'Робототехника',
			nameRu: 'Робототехника',
			nameEn: 'Robotics'
		});
		const after = await listSubjects(anonymousCtxOf(t.db), { locale: 'en' });
		expect(after).toHaveLength(before.length + 1);
		expect(after.at(-1)).toEqual({ id, name: 'Robotics' });
		expect(
			(await appError(addSubject(ctxOf(t.db, admin), { nameKy: 'X1', nameRu: 'X1', nameEn: 'X1' })))
				.code
		).toBe('forbidden');
		const duplicate = await appError(
			addSubject(ctxOf(t.db, operator), { nameKy: 'робототехника', nameRu: 'Р', nameEn: '' })
		);
		expect((duplicate as ValidationError).issues.map((i) => i.field)).toEqual(['nameRu', 'nameEn']);
		const same = await appError(
			addSubject(ctxOf(t.db, operator), { nameKy: 'робототехника', nameRu: 'Робо', nameEn: 'Robo' })
		);
		expect((same as ValidationError).issues).toEqual([
			{ field: 'nameKy', key: 'error_subject_exists' }
		]);
	});
});

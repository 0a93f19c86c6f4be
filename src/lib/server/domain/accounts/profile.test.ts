import { describe, expect, it } from 'vitest';
import { actorOf, makeSchool, makeUser } from '../../test/factories';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { formInput } from '../../web/form-input';
import { asId, type SubjectId } from '../ids';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { getProfile } from './get-profile';
import { updateProfileInput } from './input';
import { setLanguage } from './set-language';
import { updateProfile } from './update-profile';

const t = useTestDatabase();

describe('profile', () => {
	it('saves name, subjects, experience, category and language', async () => {
		const s = await makeSchool(t.db);
		const actor = actorOf(await makeUser(t.db, { schoolId: s.id }));
		await updateProfile(ctxOf(t.db, actor), {
			fullName: '  Гүлнара Төлөгөнова ',
			subjects: ['mathematics', 'algebra', 'mathematics'].map(asId<SubjectId>),
			experienceYears: 12,
			qualificationCategory: 'first',
			locale: 'ru'
		});
		expect(await getProfile(ctxOf(t.db, actor))).toMatchObject({
			fullName: 'Гүлнара Төлөгөнова',
			experienceYears: 12,
			qualificationCategory: 'first',
			locale: 'ru'
		});
		expect((await getProfile(ctxOf(t.db, actor))).subjects.sort()).toEqual([
			'algebra',
			'mathematics'
		]);

		// Emptying optional fields clears them (as the form sends them).
		await updateProfile(
			ctxOf(t.db, actor),
			formInput(updateProfileInput, {
				fullName: 'Гүлнара',
				experienceYears: '',
				qualificationCategory: '',
				locale: 'ky'
			})
		);
		expect(await getProfile(ctxOf(t.db, actor))).toMatchObject({
			subjects: [],
			experienceYears: null,
			qualificationCategory: null
		});
	});

	it('reports every bad field at once and changes nothing', async () => {
		const s = await makeSchool(t.db);
		const actor = actorOf(await makeUser(t.db, { schoolId: s.id, fullName: 'Эски Аты' }));
		const error = await appError(
			updateProfile(
				ctxOf(t.db, actor),
				formInput(updateProfileInput, {
					fullName: 'x'.repeat(121),
					subjects: 'mathematics',
					experienceYears: '61',
					qualificationCategory: 'supreme',
					locale: 'de'
				})
			)
		);
		expect(error).toBeInstanceOf(ValidationError);
		const issues = Object.fromEntries((error as ValidationError).issues.map((i) => [i.field, i]));
		expect(issues.fullName).toMatchObject({ key: 'error_too_long', params: { max: 120 } });
		expect(issues.experienceYears).toMatchObject({ key: 'error_number_max', params: { max: 60 } });
		expect(issues.qualificationCategory?.key).toBe('error_choice');
		expect(issues.locale?.key).toBe('error_choice');
		expect((await getProfile(ctxOf(t.db, actor))).fullName).toBe('Эски Аты');
	});

	it('rejects subjects that are not in the list, inside the transaction', async () => {
		const s = await makeSchool(t.db);
		const actor = actorOf(await makeUser(t.db, { schoolId: s.id, fullName: 'Эски Аты' }));
		const error = await appError(
			updateProfile(ctxOf(t.db, actor), {
				fullName: 'Жаңы Аты',
				subjects: ['mathematics', 'alchemy'].map(asId<SubjectId>),
				locale: 'ky'
			})
		);
		expect((error as ValidationError).issues[0]).toMatchObject({
			field: 'subjects',
			key: 'error_choice'
		});
		expect((await getProfile(ctxOf(t.db, actor))).fullName).toBe('Эски Аты');
	});

	it('rejects a non-number experience with its own message', async () => {
		const s = await makeSchool(t.db);
		const actor = actorOf(await makeUser(t.db, { schoolId: s.id }));
		const error = await appError(
			updateProfile(
				ctxOf(t.db, actor),
				formInput(updateProfileInput, { fullName: 'Аты', experienceYears: 'он', locale: 'ky' })
			)
		);
		expect((error as ValidationError).issues[0]).toMatchObject({
			field: 'experienceYears',
			key: 'error_number'
		});
	});

	it('keeps the language chosen with the switcher', async () => {
		const s = await makeSchool(t.db);
		const actor = actorOf(await makeUser(t.db, { schoolId: s.id }));
		await setLanguage(ctxOf(t.db, actor), { locale: 'en' });
		expect((await getProfile(ctxOf(t.db, actor))).locale).toBe('en');
	});
});

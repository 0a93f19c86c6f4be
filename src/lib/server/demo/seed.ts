import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { acceptInvitation } from '../domain/accounts/accept-invitation';
import { createInvitation } from '../domain/accounts/create-invitation';
import { deactivateAccount } from '../domain/accounts/deactivate-account';
import { resolveSession } from '../domain/accounts/sessions';
import { updateProfile } from '../domain/accounts/update-profile';
import { setupDeployment } from '../domain/schools/setup-deployment';
import type { Actor } from '../access/actor';
import type { BallotSeal } from '../domain/votes/seal';
import type { BlobStore } from '../storage/types';
import { seedCollections } from './seed-collections';
import { seedDecisions } from './seed-decisions';
import { seedGroups } from './seed-groups';
import { seedMaterials } from './seed-materials';

/** The password of every demo account (printed by `npm run demo`). */
export const demoPassword = 'ustat-demo-2026';

export interface DemoAccount {
	role: string;
	email: string;
	password: string;
	fullName: string;
}

type Teacher = [
	fullName: string,
	email: string,
	subjects: string[],
	years: number,
	category: string
];

// Twelve teachers of a Karakol school, with the subjects of REFERENCE.md.
const teachers: Teacher[] = [
	[
		'Айгүл Өмүрбекова',
		'aigul.omurbekova',
		['primary-general', 'kyrgyz-language-reading'],
		14,
		'first'
	],
	['Нурлан Үсөнов', 'nurlan.usonov', ['mathematics', 'algebra', 'geometry'], 22, 'highest'],
	[
		'Жылдыз Токтогулова',
		'jyldyz.toktogulova',
		['kyrgyz-language', 'kyrgyz-literature'],
		9,
		'second'
	],
	['Үмүт Сарыбаева', 'umut.sarybaeva', ['russian-language', 'russian-literature'], 17, 'first'],
	['Бекболот Исаков', 'bekbolot.isakov', ['physics', 'astronomy'], 11, 'first'],
	['Чолпон Абдыкадырова', 'cholpon.abdykadyrova', ['chemistry', 'biology'], 25, 'highest'],
	['Азамат Калыков', 'azamat.kalykov', ['computer-science'], 4, 'none'],
	['Гүлнара Төлөгөнова', 'gulnara.tologonova', ['primary-general', 'upbringing'], 30, 'highest'],
	['Эрмек Мамытов', 'ermek.mamytov', ['history', 'person-society'], 8, 'second'],
	['Назира Жээнбекова', 'nazira.jeenbekova', ['english'], 6, 'second'],
	['Темирлан Осмонов', 'temirlan.osmonov', ['physical-education', 'life-safety'], 3, 'none'],
	['Айжан Бейшеналиева', 'aijan.beishenalieva', ['geography', 'natural-sciences'], 12, 'first']
];
const domain = 'karakol5.edu.kg';

/**
 * A Kyrgyz school full of sample data, made through the real use cases (so the demo shows
 * what the product really does). Later capabilities add their parts below the staff.
 * Attached files go to `files`; secret ballots are sealed with `seal` (the deployment's own).
 */
export async function seedDemo(
	db: Kysely<Database>,
	files: BlobStore,
	seal: BallotSeal
): Promise<DemoAccount[]> {
	const accounts: DemoAccount[] = [];
	const join = async (
		invitedBy: Actor,
		email: string,
		role: 'teacher' | 'admin' | 'scientist',
		fullName: string
	) => {
		const invitation = await createInvitation(db, {
			schoolId: role === 'scientist' ? null : invitedBy.schoolId,
			email,
			role,
			invitedBy: invitedBy.id,
			locale: 'ky'
		});
		const token = invitation.url.split('/invite/')[1]!;
		const { session } = await acceptInvitation(db, token, {
			fullName,
			password: demoPassword,
			locale: 'ky'
		});
		return (await resolveSession(db, session.token))!.actor;
	};
	/** An account `npm run demo` prints, so people can sign in with it. */
	const listed = (actor: Actor, role: string) => {
		accounts.push({ role, email: actor.email, password: demoPassword, fullName: actor.fullName });
		return actor;
	};

	// The director set the platform up on its first run.
	const director = await setupDeployment(db, {
		name: 'Каракол шаарындагы №5 жалпы орто билим берүүчү мектеп',
		region: 'KG-Y',
		city: 'Каракол',
		fullName: 'Гүлмира Асанбекова',
		email: `director@${domain}`,
		password: demoPassword,
		locale: 'ky'
	});
	const admin = (await resolveSession(db, director.session.token))!.actor;
	listed(admin, 'admin');
	await updateProfile(db, admin, {
		fullName: admin.fullName,
		subjects: ['kyrgyz-literature'],
		experienceYears: '27',
		qualificationCategory: 'highest',
		locale: 'ky'
	});

	// The deputy director for teaching (окуу иштери боюнча орун басары) is an admin too.
	const deputy = listed(await join(admin, `deputy@${domain}`, 'admin', 'Бакыт Жумабаев'), 'admin');
	await updateProfile(db, deputy, {
		fullName: deputy.fullName,
		subjects: ['mathematics'],
		experienceYears: '19',
		qualificationCategory: 'highest',
		locale: 'ky'
	});

	const staff: Record<string, Actor> = {};
	for (const [fullName, login, subjects, years, category] of teachers) {
		const teacher = listed(await join(admin, `${login}@${domain}`, 'teacher', fullName), 'teacher');
		await updateProfile(db, teacher, {
			fullName,
			subjects,
			experienceYears: String(years),
			qualificationCategory: category,
			locale: 'ky'
		});
		staff[fullName] = teacher;
	}

	// A scientist of the Kyrgyz Academy of Education, member of no school (§5.1).
	const scientist = listed(
		await join(admin, 'k.esengulov@kao.edu.kg', 'scientist', 'Кубанычбек Эсенгулов'),
		'scientist'
	);
	await updateProfile(db, scientist, {
		fullName: scientist.fullName,
		subjects: ['primary-general'],
		experienceYears: '35',
		locale: 'ky'
	});

	// A teacher who left the school: the account is deactivated, nothing is deleted.
	const former = await join(admin, `former.teacher@${domain}`, 'teacher', 'Таалайбек Сыдыков');
	await deactivateAccount(db, admin, former.id);

	// An invitation still waiting for an answer.
	await createInvitation(db, {
		schoolId: admin.schoolId,
		email: `new.teacher@${domain}`,
		role: 'teacher',
		invitedBy: admin.id,
		locale: 'ky'
	});

	await seedGroups(db, admin, deputy, staff, scientist);
	const members = { ...staff, [scientist.fullName]: scientist };
	await seedMaterials(db, files, members);
	await seedDecisions(db, files, seal, members);
	await seedCollections(db, files, seal, members);

	return accounts;
}

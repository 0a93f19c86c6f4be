// `npm run demo`: a Kyrgyz school full of sample data, made through the real use cases (so the
// demo shows what the product really does). What happens is data, in demo/ (see its README):
// the people of school.json, then the stories of the groups, chapter by chapter.
import type { Actor } from '../access/actor';
import type { DB } from '../db/types';
import type { BallotSeal } from '../domain/votes/seal';
import type { BlobStore } from '../storage/types';
import { readDemo, readSchool, type SchoolFile } from './data';
import { GroupStory, type World } from './story';
import { lookups, useCases } from './use-cases';

/** The password of every demo account (printed by `npm run demo`). */
export const demoPassword = readSchool().password;

export interface DemoAccount {
	role: string;
	email: string;
	password: string;
	fullName: string;
}

/**
 * The school's people: the first sets the platform up, the others are invited by them and
 * accept; then the invitations nobody answered yet.
 */
async function seedPeople(
	db: DB,
	store: BlobStore,
	school: SchoolFile
): Promise<{ people: Map<string, Actor>; accounts: DemoAccount[] }> {
	const people = new Map<string, Actor>();
	const accounts: DemoAccount[] = [];
	const anonymous = () => ({ db, store, now: new Date() });
	const as = (actor: Actor) => ({ db, store, actor, now: new Date() });
	const { locale, password } = school;
	let founder: Actor | undefined;
	for (const person of school.people) {
		let actor: Actor;
		if (!founder) {
			const { session } = await useCases.setupDeployment(anonymous(), {
				...school.school,
				fullName: person.name,
				email: person.email,
				password,
				locale
			});
			actor = founder = await lookups.actorOfSession(anonymous(), session.token);
		} else {
			const invitation = await useCases.createInvitation(as(founder), {
				schoolId: person.role === 'scientist' ? null : founder.schoolId,
				email: person.email,
				role: person.role,
				locale
			});
			const { session } = await useCases.acceptInvitation(anonymous(), {
				token: invitation.url.split('/invite/')[1]!,
				fullName: person.name,
				password,
				locale
			});
			actor = await lookups.actorOfSession(anonymous(), session.token);
		}
		people.set(person.name, actor);
		if (person.profile)
			await useCases.updateProfile(as(actor), { fullName: person.name, ...person.profile, locale });
		if (person.deactivated) await useCases.deactivateAccount(as(founder), { userId: actor.id });
		else accounts.push({ role: person.role, email: person.email, password, fullName: person.name });
	}
	for (const invitation of school.invitations)
		await useCases.createInvitation(as(founder!), {
			schoolId: invitation.role === 'scientist' ? null : founder!.schoolId,
			...invitation,
			locale
		});
	return { people, accounts };
}

/**
 * Seeds the demo school into an empty database and returns the accounts to print. Attached
 * files go to `store`; secret ballots are sealed with `seal` (the deployment's own).
 */
export async function seedDemo(
	db: DB,
	store: BlobStore,
	seal: BallotSeal,
	directory?: string
): Promise<DemoAccount[]> {
	const demo = readDemo(directory);
	const base = Date.now();
	const { people, accounts } = await seedPeople(db, store, demo.school);
	const world: World = {
		db,
		store,
		seal,
		directory: demo.directory,
		base,
		timeZone: demo.school.timeZone,
		people
	};
	const stories = demo.groups.map(({ slug, file }) => new GroupStory(world, slug, file));
	for (const chapter of demo.school.chapters)
		for (const story of stories) await story.tell(chapter);
	return accounts;
}

// `npm run demo`: a Kyrgyz school full of sample data, and a second school whose published
// work the public catalog shows next to it, made through the real use cases (so the demo shows
// what the product really does). What happens is data, in demo/ (see its README): the people
// of school.json and of demo/schools/, then the stories of the groups, chapter by chapter.
import type { Actor } from '../access/actor';
import type { DB } from '../db/types';
import type { BallotSeal } from '../domain/votes/seal';
import type { BlobStore } from '../storage/types';
import { readDemo, readSchool, type DemoData, type SchoolFile } from './data';
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

type Person = SchoolFile['people'][number];

/** Who each person is, and the accounts to print. */
interface People {
	people: Map<string, Actor>;
	accounts: DemoAccount[];
}

/**
 * The people of every school. school.json's first person sets the platform up (and operates
 * it); the others are invited by them and accept. Each further school is added by that
 * operator, which invites its first person, its admin; the admin invites the rest. Then the
 * invitations nobody answered yet.
 */
async function seedPeople(db: DB, store: BlobStore, demo: DemoData): Promise<People> {
	const out: People = { people: new Map(), accounts: [] };
	const anonymous = () => ({ db, store, now: new Date() });
	const as = (actor: Actor) => ({ db, store, actor, now: new Date() });
	const { locale, password } = demo.school;

	/** Kept by name, the profile filled in; deactivated by `admin` when they left, else printed. */
	const made = async (actor: Actor, person: Person, admin: Actor) => {
		out.people.set(person.name, actor);
		if (person.profile)
			await useCases.updateProfile(as(actor), { fullName: person.name, ...person.profile, locale });
		if (person.deactivated)
			await useCases.deactivateAccount(as(admin), { userId: actor.id, password });
		else
			out.accounts.push({
				role: person.role,
				email: person.email,
				password,
				fullName: person.name
			});
	};
	/** `person` accepts the invitation at `url`. */
	const accept = async (url: string, person: Person, admin: Actor) => {
		const { session } = await useCases.acceptInvitation(anonymous(), {
			token: url.split('/invite/')[1]!,
			fullName: person.name,
			password,
			locale
		});
		const actor = await lookups.actorOfSession(anonymous(), session.token);
		await made(actor, person, admin);
		return actor;
	};
	/** Invitations to the school `admin` runs (a scientist's to no school). */
	const invite = (admin: Actor, invited: { email: string; role: Person['role'] }) =>
		useCases.createInvitation(as(admin), {
			schoolId: invited.role === 'scientist' ? null : admin.schoolId,
			email: invited.email,
			role: invited.role,
			locale
		});

	const [founder, ...others] = demo.school.people;
	const { session } = await useCases.setupDeployment(anonymous(), {
		...demo.school.school,
		fullName: founder!.name,
		email: founder!.email,
		password,
		locale
	});
	const operator = await lookups.actorOfSession(anonymous(), session.token);
	await made(operator, founder!, operator);
	for (const person of others) await accept((await invite(operator, person)).url, person, operator);
	for (const invitation of demo.school.invitations) await invite(operator, invitation);

	for (const { file } of demo.schools) {
		const [first, ...staff] = file.people;
		const { invitation } = await useCases.addSchool(as(operator), {
			...file.school,
			adminEmail: first!.email
		});
		const admin = await accept(invitation.url, first!, operator);
		for (const person of staff) await accept((await invite(admin, person)).url, person, admin);
		for (const invitation of file.invitations ?? []) await invite(admin, invitation);
	}
	return out;
}

/**
 * Seeds the demo schools into an empty database and returns the accounts to print (of every
 * school). Attached files go to `store`; secret ballots are sealed with `seal` (the
 * deployment's own).
 */
export async function seedDemo(
	db: DB,
	store: BlobStore,
	seal: BallotSeal,
	directory?: string
): Promise<DemoAccount[]> {
	const demo = readDemo(directory);
	const base = Date.now();
	const { people, accounts } = await seedPeople(db, store, demo);
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

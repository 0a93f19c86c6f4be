import { asId, type GroupId, type MembershipRequestId } from '../domain/ids';
import type { Actor } from '../access/actor';
import type { DB } from '../db/types';
import { createGroup } from '../domain/groups/create-group';
import { inviteExternal } from '../domain/groups/invite-external';
import { inviteTeacher } from '../domain/groups/invite-teacher';
import { respondToInvitation } from '../domain/groups/respond-to-invitation';
import { ctxOf } from './context';
import { actorOf, makeSchool, makeUser } from './factories';

export const charter = {
	name: 'Функционалдык сабаттуулук',
	theme: 'Башталгыч класстарда функционалдык сабаттуулукту өнүктүрүү',
	problem: 'Окуучулар окуганын турмушта колдоно алышпайт.',
	goals: 'Тапшырмаларды түзүү жана сыноо.',
	expectedResults: 'Методикалык жыйнак.',
	strategy: 'Изилдөө → апробация → жалпылоо.',
	formsOfWork: 'Семинарлар, ачык сабактар.'
};

/**
 * A school with a creative group made through the real use cases: its admin, the leader,
 * a member, a scientist who is an external member, a teacher of the school who is not in
 * the group, and an admin and a teacher of another school.
 */
export async function makeGroupWorld(db: DB) {
	const school = await makeSchool(db);
	const other = await makeSchool(db);
	const user = async (
		schoolId: string | null,
		role: 'admin' | 'teacher' | 'scientist',
		fullName: string
	) => actorOf(await makeUser(db, { schoolId, role, fullName }));
	const admin = await user(school.id, 'admin', 'Гүлмира Асанбекова');
	const leader = await user(school.id, 'teacher', 'Айгүл Өмүрбекова');
	const member = await user(school.id, 'teacher', 'Нурлан Үсөнов');
	const staff = await user(school.id, 'teacher', 'Жылдыз Токтогулова');
	const scientist = await user(null, 'scientist', 'Кубанычбек Эсенгулов');
	const otherAdmin = await user(other.id, 'admin', 'Бакыт Жумабаев');
	const otherTeacher = await user(other.id, 'teacher', 'Үмүт Сарыбаева');
	const { groupId } = await createGroup(ctxOf(db, admin), {
		...charter,
		schoolId: school.id,
		startedOn: '2026-09-01',
		leaderId: leader.id
	});
	await join(db, leader, groupId, member);
	await inviteExternal(ctxOf(db, leader), {
		groupId,
		email: scientist.email,
		role: 'scientist'
	});
	await acceptPending(db, groupId, scientist);
	return {
		schoolId: school.id,
		otherSchoolId: other.id,
		groupId,
		admin,
		leader,
		member,
		staff,
		scientist,
		otherAdmin,
		otherTeacher
	};
}

export type GroupWorld = Awaited<ReturnType<typeof makeGroupWorld>>;

/** The leader invites a teacher, who accepts. */
export async function join(db: DB, leader: Actor, groupId: GroupId, teacher: Actor): Promise<void> {
	const { requestId } = await inviteTeacher(ctxOf(db, leader), { groupId, userId: teacher.id });
	await respondToInvitation(ctxOf(db, teacher), { groupId, requestId, decision: 'accept' });
}

/** The person accepts the invitation waiting for them. */
export async function acceptPending(db: DB, groupId: GroupId, person: Actor): Promise<void> {
	const pending = await db
		.selectFrom('membershipRequests')
		.select('id')
		.where('groupId', '=', groupId)
		.where('userId', '=', person.id)
		.where('status', '=', 'pending')
		.executeTakeFirstOrThrow();
	await respondToInvitation(ctxOf(db, person), {
		groupId,
		requestId: asId<MembershipRequestId>(pending.id),
		decision: 'accept'
	});
}

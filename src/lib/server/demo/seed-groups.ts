import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { Database } from '../db/types';
import { changeLeader } from '../domain/groups/change-leader';
import { closeGroup } from '../domain/groups/close-group';
import { createGroup } from '../domain/groups/create-group';
import { decideRequest } from '../domain/groups/decide-request';
import { editCharter } from '../domain/groups/edit-charter';
import { inviteExternal } from '../domain/groups/invite-external';
import { inviteTeacher } from '../domain/groups/invite-teacher';
import { leaveGroup } from '../domain/groups/leave-group';
import { requestToJoin } from '../domain/groups/request-to-join';
import { respondToInvitation } from '../domain/groups/respond-to-invitation';
import { updateSettings } from '../domain/groups/update-settings';
import { createMeeting } from '../domain/meetings/create-meeting';
import { updateMeeting } from '../domain/meetings/update-meeting';
import { addPlanItem } from '../domain/plan/add-plan-item';
import { asId, type GroupId } from '../domain/ids';
import { fileStore } from '../storage';

// Three creative groups of the demo school with their history, plans and meetings, made
// through the real use cases. Dates are relative to the day the demo is seeded, so the
// plan always has something coming up and something overdue.

const dayMs = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(Date.now() + days * dayMs);
const day = (days: number) => at(days).toISOString().slice(0, 10);

type People = Record<string, Actor>;

export async function seedGroups(
	db: Kysely<Database>,
	admin: Actor,
	deputy: Actor,
	people: People,
	scientist: Actor
): Promise<void> {
	const p = (name: string) => {
		const actor = people[name];
		if (!actor) throw new Error(`demo: no teacher ${name}`);
		return actor;
	};
	const schoolId = admin.schoolId!;

	// 1. Functional literacy in primary grades: in its second year, with a change of leader.
	const literacy = (
		await createGroup(
			db,
			admin,
			schoolId,
			{
				name: 'Функционалдык сабаттуулук',
				theme: 'Башталгыч класстарда окуучулардын функционалдык сабаттуулугун өнүктүрүү',
				problem:
					'Окуучулар текстти окуй алышат, бирок андагы маалыматты турмуштук маселени чечүүдө колдоно алышпайт (ЖРТ жана PISA натыйжалары).',
				goals:
					'1. Окуу, математикалык жана табигый-илимий сабаттуулукту калыптандыруучу тапшырмаларды иштеп чыгуу.\n2. Тапшырмаларды 1–4-класстарда сыноо.\n3. Натыйжаларды методикалык жыйнак кылып жалпылоо.',
				expectedResults:
					'Ар бир класс үчүн 20дан кем эмес тапшырма, 6 ачык сабак, методикалык жыйнак.',
				strategy: 'Изилдөө → тапшырмаларды түзүү → апробация → талдоо → жалпылоо.',
				formsOfWork: 'Семинарлар, ачык сабактар, өз ара сабакка катышуу, мастер-класстар.',
				startedOn: day(-440),
				leaderId: p('Гүлнара Төлөгөнова').id
			},
			at(-440)
		)
	).groupId;
	for (const [name, motivation, daysAgo] of [
		[
			'Айгүл Өмүрбекова',
			'Башталгыч класста 14 жыл иштейм, окуу сабаттуулугу боюнча тажрыйбам бар.',
			430
		],
		['Жылдыз Токтогулова', 'Кыргыз тили сабагында текст менен иштөөнү жакшырткым келет.', 425],
		['Үмүт Сарыбаева', 'Орус тилинде окуу сабаттуулугу боюнча тапшырмаларды бөлүшкүм келет.', 420],
		['Назира Жээнбекова', 'Англис тилинде функционалдык окуу ыкмаларын үйрөнгүм келет.', 410]
	] as const) {
		const { requestId } = await requestToJoin(
			db,
			p(name),
			literacy,
			{ message: motivation },
			at(-daysAgo)
		);
		await decideRequest(
			db,
			p('Гүлнара Төлөгөнова'),
			literacy,
			{ requestId, decision: 'accept', response: 'Кош келиңиз!' },
			at(-daysAgo + 1)
		);
	}
	await inviteExternal(
		db,
		p('Гүлнара Төлөгөнова'),
		literacy,
		{ email: scientist.email, role: 'scientist', message: 'Илимий кеңешчи болуп бериңизчи.' },
		at(-400)
	);
	const invitation = await db
		.selectFrom('membershipRequests')
		.select('id')
		.where('groupId', '=', literacy)
		.where('userId', '=', scientist.id)
		.executeTakeFirstOrThrow();
	await respondToInvitation(
		db,
		scientist,
		literacy,
		{ requestId: invitation.id, decision: 'accept' },
		at(-399)
	);
	await updateSettings(
		db,
		p('Гүлнара Төлөгөнова'),
		literacy,
		{ isExternalVoteAllowed: 'on' },
		at(-398)
	);
	await changeLeader(
		db,
		deputy,
		literacy,
		{
			leaderId: p('Айгүл Өмүрбекова').id,
			reason: 'Г. Төлөгөнова өз өтүнүчү боюнча жетекчиликтен бошотулду; ал топто мүчө бойдон калат.'
		},
		at(-120)
	);
	await editCharter(
		db,
		p('Айгүл Өмүрбекова'),
		literacy,
		{
			name: 'Функционалдык сабаттуулук',
			theme:
				'Башталгыч класстарда окуучулардын функционалдык сабаттуулугун PISA тибиндеги тапшырмалар аркылуу өнүктүрүү',
			problem:
				'Окуучулар текстти окуй алышат, бирок андагы маалыматты турмуштук маселени чечүүдө колдоно алышпайт (ЖРТ жана PISA натыйжалары).',
			goals:
				'1. Окуу, математикалык жана табигый-илимий сабаттуулукту калыптандыруучу тапшырмаларды иштеп чыгуу.\n2. Тапшырмаларды 1–4-класстарда сыноо.\n3. Натыйжаларды методикалык жыйнак кылып жалпылоо.\n4. Ата-энелер үчүн эскертмелерди даярдоо.',
			expectedResults:
				'Ар бир класс үчүн 20дан кем эмес тапшырма, 6 ачык сабак, методикалык жыйнак.',
			strategy: 'Изилдөө → тапшырмаларды түзүү → апробация → талдоо → жалпылоо.',
			formsOfWork:
				'Семинарлар, ачык сабактар, өз ара сабакка катышуу, мастер-класстар, онлайн кеңешмелер.'
		},
		at(-118)
	);
	await leaveGroup(db, p('Назира Жээнбекова'), literacy, at(-60));
	await requestToJoin(
		db,
		p('Азамат Калыков'),
		literacy,
		{ message: 'Санариптик тапшырмаларды түзүүгө жардам бере алам.' },
		at(-2)
	);
	const leader = p('Айгүл Өмүрбекова');
	for (const [kind, title, due, who, status] of [
		['meeting', 'Жаңы окуу жылынын иш планын бекитүү', -75, 'Айгүл Өмүрбекова', 'done'],
		[
			'seminar',
			'«PISA тибиндеги тапшырмалар деген эмне?» семинары',
			-45,
			'Жылдыз Токтогулова',
			'done'
		],
		[
			'open_lesson',
			'3-«Б» класста окуу сабаттуулугу боюнча ачык сабак',
			-5,
			'Үмүт Сарыбаева',
			'planned'
		],
		['meeting', 'Ачык сабактарды талкуулоо', 12, 'Айгүл Өмүрбекова', 'planned'],
		[
			'master_class',
			'Текст менен иштөөнүн ыкмалары: мастер-класс',
			30,
			'Гүлнара Төлөгөнова',
			'planned'
		],
		['approbation', 'Тапшырмаларды 2–4-класстарда сыноо', 60, 'Жылдыз Токтогулова', 'planned'],
		['publication', 'Методикалык жыйнакты даярдоо', 150, 'Айгүл Өмүрбекова', 'planned']
	] as const)
		await addPlanItem(
			{ db, actor: leader, now: at(-80), store: fileStore() },
			{
				groupId: asId<GroupId>(literacy),
				kind,
				title,
				dueOn: day(due),
				responsibleId: p(who).id,
				status,
				notes: ''
			}
		);
	const firstDetails = {
		heldOn: day(-75),
		startTime: '14:30',
		place: 'Мектептин китепканасы',
		chairId: leader.id,
		secretaryId: p('Жылдыз Токтогулова').id,
		invited: 'Б. Жумабаев, окуу иштери боюнча орун басары'
	};
	const first = await createMeeting(db, leader, literacy, firstDetails, at(-76));
	await updateMeeting(
		db,
		leader,
		literacy,
		first.meetingId,
		{
			...firstDetails,
			'agenda.0.title': 'Топтун 2026–2027-окуу жылына иш планы жөнүндө',
			'agenda.0.speaker': 'А. Өмүрбекова',
			'agenda.0.heard':
				'А. Өмүрбекова пландын долбоорун сунуштады: эки семинар, алты ачык сабак, апробация жана жыйнак.',
			'agenda.0.spoke': 'Ж. Токтогулова семинарды октябрга жылдырууну сунуштады.',
			'agenda.0.decided': 'Иш планы толуктоолор менен бекитилсин.',
			'agenda.1.title': 'Ачык сабактардын графиги жөнүндө',
			'agenda.1.speaker': 'Ү. Сарыбаева',
			'agenda.1.heard': 'Ү. Сарыбаева ар бир мүчө бирден ачык сабак өтүүнү сунуштады.',
			'agenda.1.decided': 'Ачык сабактар ноябрь–март айларында өтсүн; график тиркелсин.',
			[`attendance.${leader.id}`]: 'present',
			[`attendance.${p('Жылдыз Токтогулова').id}`]: 'present',
			[`attendance.${p('Үмүт Сарыбаева').id}`]: 'present',
			[`attendance.${p('Гүлнара Төлөгөнова').id}`]: 'present',
			[`attendance.${p('Назира Жээнбекова').id}`]: 'excused',
			[`attendance.${scientist.id}`]: 'absent',
			notes: '',
			decisions: 'Кийинки жыйын ачык сабактардан кийин өтөт.'
		},
		at(-75)
	);
	const secondDetails = {
		heldOn: day(-40),
		startTime: '15:00',
		place: '',
		onlineLink: 'https://meet.jit.si/ustat-karakol5-literacy',
		chairId: leader.id,
		secretaryId: p('Жылдыз Токтогулова').id,
		invited: ''
	};
	const second = await createMeeting(db, leader, literacy, secondDetails, at(-41));
	await updateMeeting(
		db,
		p('Жылдыз Токтогулова'),
		literacy,
		second.meetingId,
		{
			...secondDetails,
			'agenda.0.title': 'PISA тибиндеги тапшырмалар жөнүндө',
			'agenda.0.speaker': 'К. Эсенгулов, КББА',
			'agenda.0.heard':
				'К. Эсенгулов окуу сабаттуулугунун деңгээлдери жана тапшырмаларды баалоо критерийлери тууралуу айтып берди.',
			'agenda.0.spoke':
				'Г. Төлөгөнова 1-класс үчүн сүрөттүү тапшырмаларды кошууну сунуштады.\nҮ. Сарыбаева орус тилиндеги үлгүлөрдү бөлүштү.',
			'agenda.0.decided': 'Ар бир мүчө декабрга чейин өз классы үчүн бештен тапшырма даярдасын.',
			[`attendance.${leader.id}`]: 'present',
			[`attendance.${p('Жылдыз Токтогулова').id}`]: 'present',
			[`attendance.${p('Үмүт Сарыбаева').id}`]: 'present',
			[`attendance.${p('Гүлнара Төлөгөнова').id}`]: 'present',
			[`attendance.${scientist.id}`]: 'present',
			notes: 'Жыйын онлайн өттү.',
			decisions: ''
		},
		at(-40)
	);

	// 2. STEM in grades 7–9: young, with an invitation waiting for an answer.
	const stem = (
		await createGroup(
			db,
			deputy,
			schoolId,
			{
				name: 'STEM 7–9',
				theme: '7–9-класстарда табигый илимдерди STEM-ыкмасы менен окутуу',
				problem:
					'Физика, химия, биология жана математика өз-өзүнчө окутулат; окуучулар билимди долбоордо бириктире алышпайт.',
				goals: 'Предметтер аралык долбоорлорду иштеп чыгуу жана сабакта сыноо.',
				expectedResults: '8 долбоор, окуучулардын көргөзмөсү, сабактардын иштелмелери.',
				strategy: 'Ар бир чейректе бир долбоор: пландоо → сабак → көргөзмө → талдоо.',
				formsOfWork: 'Долбоордук иш, ачык сабактар, лабораториялык практикум.',
				startedOn: day(-85),
				leaderId: p('Бекболот Исаков').id
			},
			at(-85)
		)
	).groupId;
	const stemLeader = p('Бекболот Исаков');
	for (const name of ['Нурлан Үсөнов', 'Чолпон Абдыкадырова', 'Айжан Бейшеналиева']) {
		const { requestId } = await inviteTeacher(
			db,
			stemLeader,
			stem,
			{ userId: p(name).id },
			at(-84)
		);
		await respondToInvitation(db, p(name), stem, { requestId, decision: 'accept' }, at(-83));
	}
	await inviteTeacher(
		db,
		stemLeader,
		stem,
		{ userId: p('Эрмек Мамытов').id, message: 'Тарыхый долбоорлор да керек!' },
		at(-3)
	);
	for (const [kind, title, due, who] of [
		['meeting', 'Биринчи долбоордун темасын тандоо', -70, 'Бекболот Исаков'],
		[
			'open_lesson',
			'«Суу — жашоонун булагы»: 8-класста интегралдык сабак',
			20,
			'Чолпон Абдыкадырова'
		],
		['seminar', 'Долбоорлорду баалоонун критерийлери', 45, 'Нурлан Үсөнов']
	] as const)
		await addPlanItem(
			{ db, actor: stemLeader, now: at(-80), store: fileStore() },
			{
				groupId: asId<GroupId>(stem),
				kind,
				title,
				dueOn: day(due),
				responsibleId: p(who).id,
				status: due < 0 ? 'done' : 'planned',
				notes: ''
			}
		);

	// 3. A group that finished its theme and was closed (§3.6): read-only, still visible.
	const motivation = (
		await createGroup(
			db,
			admin,
			schoolId,
			{
				name: 'Окуу мотивациясы',
				theme: 'Өспүрүмдөрдүн окуу мотивациясын тарбиялык иш аркылуу жогорулатуу',
				problem: '8–9-класстарда окууга кызыгуу төмөндөйт.',
				goals: 'Класстык сааттардын жана тарбиялык иш-чаралардын системасын түзүү.',
				expectedResults: 'Класс жетекчилер үчүн сунуштар.',
				strategy: '',
				formsOfWork: 'Тренингдер, сурамжылоо.',
				startedOn: day(-800),
				leaderId: p('Эрмек Мамытов').id
			},
			at(-800)
		)
	).groupId;
	const { requestId } = await requestToJoin(
		db,
		p('Темирлан Осмонов'),
		motivation,
		{ message: 'Спорт аркылуу мотивация боюнча иштегим келет.' },
		at(-790)
	);
	await decideRequest(
		db,
		p('Эрмек Мамытов'),
		motivation,
		{ requestId, decision: 'accept' },
		at(-789)
	);
	await closeGroup(
		db,
		admin,
		motivation,
		{ reason: 'Тема изилденип бүттү, натыйжалар педагогикалык кеңеште жалпыланды.' },
		at(-200)
	);
}

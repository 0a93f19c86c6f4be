import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor';
import type { Database, ProposalKind } from '../db/types';
import { addPost } from '../domain/discussions/add-post';
import { editPost } from '../domain/discussions/edit-post';
import { startThread } from '../domain/discussions/start-thread';
import { analyzeProposal } from '../domain/proposals/analyze-proposal';
import { createProposal } from '../domain/proposals/create-proposal';
import { proposalThreadId } from '../domain/proposals/get-proposal';
import { putToDiscussion } from '../domain/proposals/put-to-discussion';
import { returnProposal } from '../domain/proposals/return-proposal';
import { withdrawProposal } from '../domain/proposals/withdraw-proposal';
import { castBallot } from '../domain/votes/cast-ballot';
import { closeVote } from '../domain/votes/close-vote';
import { openVote } from '../domain/votes/open-vote';
import { voteOptions } from '../domain/votes/queries';
import type { BallotSeal } from '../domain/votes/seal';
import type { BlobStore } from '../storage/types';
import { fromWallClock } from '../zoned';

// Proposals, discussions, votes and decisions (§3.3, §3.5) of the two active demo groups,
// made through the real use cases: proposals in every status, threads with replies, quotes,
// mentions and an edited post, closed votes of every kind whose decisions are linked to the
// minutes of the meeting where they were announced, and one vote still open. Dates are
// relative to the day the demo is seeded (wall-clock times of Bishkek), so the open vote
// stays open for two weeks after `npm run demo`.

const dayMs = 24 * 60 * 60 * 1000;
const timeZone = 'Asia/Bishkek';
/** The demo has plenty of room; the real limit comes from the configuration. */
const maxGroupBytes = 2048 * 1024 * 1024;

type People = Record<string, Actor>;
interface DemoGroup {
	id: string;
	leader: Actor;
}

export async function seedDecisions(
	db: Kysely<Database>,
	files: BlobStore,
	seal: BallotSeal,
	people: People
): Promise<void> {
	const base = Date.now();
	/** The UTC date `days` from today, as the other demo seeds count days. */
	const day = (days: number) => new Date(base + days * dayMs).toISOString().slice(0, 10);
	/** A Bishkek wall-clock time on a date. */
	const on = (date: string, time: string) => {
		const instant = fromWallClock(`${date}T${time}`, timeZone);
		if (!instant) throw new Error(`demo: no such time ${date} ${time}`);
		return instant;
	};
	const at = (days: number, time: string) => on(day(days), time);
	const p = (name: string) => {
		const actor = people[name];
		if (!actor) throw new Error(`demo: no member ${name}`);
		return actor;
	};
	const group = async (name: string, leader: string): Promise<DemoGroup> => {
		const row = await db
			.selectFrom('groups')
			.select('id')
			.where('name', '=', name)
			.where('closedAt', 'is', null)
			.executeTakeFirstOrThrow();
		return { id: row.id, leader: p(leader) };
	};

	// --- Helpers over the use cases ------------------------------------------------------

	const propose = async (
		g: DemoGroup,
		author: string,
		kind: ProposalKind,
		title: string,
		body: string,
		when: Date
	) => {
		const { proposalId, number } = await createProposal(
			db,
			files,
			p(author),
			g.id,
			{ kind, title, body },
			[],
			{ maxGroupBytes },
			when
		);
		return { id: proposalId, number };
	};
	/** The leader's written analysis, and the proposal put to the group's discussion. */
	const analyze = async (
		g: DemoGroup,
		proposalId: string,
		analysis: string,
		when: Date,
		discuss = true
	) => {
		await analyzeProposal(db, g.leader, g.id, proposalId, { analysis }, when);
		if (!discuss) return null;
		await putToDiscussion(db, g.leader, g.id, proposalId, new Date(when.getTime() + 5 * 60_000));
		return proposalThreadId(db, g.leader, g.id, proposalId);
	};
	const post = async (
		g: DemoGroup,
		threadId: string,
		author: string,
		body: string,
		when: Date,
		to: { parentId?: string; quotedPostId?: string } = {}
	) => (await addPost(db, p(author), g.id, threadId, { body, ...to }, when)).postId;

	type VoteForm = {
		proposalId?: string;
		question: string;
		description: string;
		kind: 'yes_no' | 'single' | 'multiple';
		options?: string;
		maxChoices?: string;
		quorumPercent?: string;
		closesAt?: string;
		isSecret?: 'on';
		isExternalAllowed?: 'on';
		tally: 'live' | 'after_close';
	};
	const open = async (g: DemoGroup, form: VoteForm, when: Date) => {
		const { voteId } = await openVote(db, g.leader, g.id, form, { timeZone, now: when });
		const options = await voteOptions(db, voteId);
		/** An option by its code (yes, no, abstain) or its place in the list. */
		const option = (which: 'yes' | 'no' | 'abstain' | number) => {
			const found =
				typeof which === 'number' ? options[which] : options.find((o) => o.code === which);
			if (!found) throw new Error(`demo: vote has no option ${which}`);
			return found.id;
		};
		return {
			id: voteId,
			cast: (who: string, choices: ('yes' | 'no' | 'abstain' | number)[], at: Date) =>
				castBallot(db, seal, p(who), g.id, voteId, { choices: choices.map(option) }, at),
			close: (text: string, at: Date, meetingId?: string) =>
				closeVote(db, seal, g.leader, g.id, voteId, { text, meetingId }, at)
		};
	};

	const lit = await group('Функционалдык сабаттуулук', 'Айгүл Өмүрбекова');
	const stem = await group('STEM 7–9', 'Бекболот Исаков');
	const scientist = 'Кубанычбек Эсенгулов';
	// The literacy group's two meetings: decisions announced there go to their minutes.
	const [planMeeting, pisaMeeting] = await db
		.selectFrom('meetings')
		.select(['id', 'heldOn'])
		.where('groupId', '=', lit.id)
		.orderBy('heldOn')
		.execute();
	if (!planMeeting || !pisaMeeting) throw new Error('demo: the literacy group needs two meetings');

	// --- Функционалдык сабаттуулук -----------------------------------------------------

	// 1. A plan item, accepted by a yes/no vote with its quorum met; announced at the meeting.
	const parents = await propose(
		lit,
		'Гүлнара Төлөгөнова',
		'plan_item',
		'Иш планына ата-энелер үчүн «Үйдө бирге окуйбуз» семинарын кошуу',
		'Биздин тапшырмалар сабакта жакшы иштейт, бирок үйдө балдар текст менен дээрлик иштешпейт: ата-энелер баласына кантип жардам берерин билишпейт.\n\nСунушум: экинчи чейректин аягында ата-энелер үчүн 40 мүнөттүк семинар өткөрүү, ата-энелер жыйыны менен бирге. Семинарда үйдө бирге окуунун беш жөнөкөй ыкмасын көрсөтүп, кыскача эскертме таратабыз.\n\nДаярдоону өзүм алам; эскертменин орусча вариантына жардам керек.',
		at(-95, '10:20')
	);
	const parentsThread = (await analyze(
		lit,
		parents.id,
		'Сунуш топтун 4-максатына (ата-энелер үчүн эскертмелер) түздөн-түз шайкеш келет жана кошумча каражат талап кылбайт.\n\nКүчтүү жагы: ачык сабактарда иштелген ыкмалар үй-бүлөгө жетет. Тобокелдик: ата-энелер жыйынына келгендер аз болушу мүмкүн, ошондуктан эскертмени класстардын WhatsApp-топторуна да жиберүү керек.\n\nСунушум: семинарды экинчи чейректин аягына пландоо, жооптуу — Г. Төлөгөнова, эскертменин орусча варианты — Ү. Сарыбаева. Талкууга коём.',
		at(-92, '09:30')
	))!;
	const online = await post(
		lit,
		parentsThread,
		'Жылдыз Токтогулова',
		'Идея жакшы, бирок чейректин аягында ата-энелер жыйындары онсуз да көп. Семинарды онлайн өткөрсөк кантет?',
		at(-91, '14:10')
	);
	await post(
		lit,
		parentsThread,
		'Айгүл Өмүрбекова',
		'Онлайн форматка ата-энелердин баары эле кошула албайт: айрымдарында интернет жок. Жыйын менен бирге өткөрүп, видеожазууну класстардын топторуна салсак болот.',
		at(-91, '17:25'),
		{ parentId: online }
	);
	const russianMemo = await post(
		lit,
		parentsThread,
		'Үмүт Сарыбаева',
		'Колдойм. Орусча вариантын мен даярдайм. @Гүлнара, текстти даяр болгондо жиберип коёсузбу?',
		at(-90, '11:00')
	);
	await post(
		lit,
		parentsThread,
		'Гүлнара Төлөгөнова',
		'Албетте, эки жуманын ичинде жиберем. 1-класстын ата-энелери үчүн сүрөттүү бет да кошом.',
		at(-90, '16:30'),
		{ parentId: russianMemo }
	);
	const parentsVote = await open(
		lit,
		{
			proposalId: parents.id,
			question: 'Иш планына ата-энелер үчүн «Үйдө бирге окуйбуз» семинарын кошобузбу?',
			description: `№${parents.number} сунуш боюнча (Г. Төлөгөнова). Кабыл алынса, семинар экинчи чейректин аягында өтөт.`,
			kind: 'yes_no',
			quorumPercent: '60',
			closesAt: `${planMeeting.heldOn}T18:00`,
			tally: 'live'
		},
		at(-88, '10:00')
	);
	await parentsVote.cast('Гүлнара Төлөгөнова', ['yes'], at(-88, '10:30'));
	await parentsVote.cast('Жылдыз Токтогулова', ['no'], at(-87, '13:00'));
	await parentsVote.cast('Айгүл Өмүрбекова', ['yes'], at(-86, '09:00'));
	await parentsVote.cast('Үмүт Сарыбаева', ['yes'], at(-80, '08:15'));

	// 2. A secret ballot with one choice: the theme of the open lesson week.
	const lessonWeek = await open(
		lit,
		{
			question: 'Ачык сабактар жумалыгынын темасы кандай болот?',
			description:
				'Ар бир мүчө жумалыкта бирден ачык сабак өтөт; бардык сабактар бир темага арналат. Добуш жашыруун, жыйынтыгы добуш жабылгандан кийин гана көрүнөт.',
			kind: 'single',
			options:
				'Текст менен иштөө: окуу сабаттуулугу\nКүндөлүк турмуштагы математика\nТабият жана биз: табигый-илимий сабаттуулук',
			quorumPercent: '50',
			closesAt: `${planMeeting.heldOn}T18:00`,
			isSecret: 'on',
			isExternalAllowed: 'on',
			tally: 'after_close'
		},
		at(-82, '11:00')
	);
	await lessonWeek.cast('Айгүл Өмүрбекова', [0], at(-82, '11:10'));
	await lessonWeek.cast(scientist, [2], at(-81, '20:00'));
	await lessonWeek.cast('Үмүт Сарыбаева', [1], at(-80, '09:00'));
	await lessonWeek.cast('Жылдыз Токтогулова', [0], at(-79, '17:30'));
	await lessonWeek.cast('Гүлнара Төлөгөнова', [1], at(-78, '12:40'));
	// Changed her mind before the close: one person, one (last) vote.
	await lessonWeek.cast('Үмүт Сарыбаева', [0], at(-76, '12:00'));

	await parentsVote.close(
		'Иш планына ата-энелер үчүн «Үйдө бирге окуйбуз» семинары кошулсун (экинчи чейректин аягы, жооптуу — Г. Төлөгөнова). Эскертме кыргыз жана орус тилдеринде даярдалсын (орусча варианты — Ү. Сарыбаева).',
		on(planMeeting.heldOn, '15:20'),
		planMeeting.id
	);
	await lessonWeek.close(
		'Ачык сабактар жумалыгы «Текст менен иштөө: окуу сабаттуулугу» темасында өтсүн. Сабактардын графиги иш планына тиркелсин.',
		on(planMeeting.heldOn, '15:40'),
		planMeeting.id
	);

	// 3. A material for the collection (in Russian), rejected by vote after a discussion.
	const middle = await propose(
		lit,
		'Үмүт Сарыбаева',
		'material',
		'Включить в сборник задания по функциональному чтению для 5–6 классов',
		'Предлагаю дополнить методический сборник разделом для 5–6 классов: 10–12 заданий по функциональному чтению на русском языке (расписания, инструкции, объявления, карты).\n\nПри переходе в среднее звено дети часто теряют навыки работы с текстом, которые мы формируем в начальной школе. Такие задания помогли бы учителям 5–6 классов продолжить нашу линию.\n\nГотова подготовить раздел вместе с коллегами из методобъединения русского языка.',
		at(-58, '16:00')
	);
	const middleThread = (await analyze(
		lit,
		middle.id,
		'Сунуш маанилүү маселени козгойт: 4-класстан 5-класска өткөндө окуучулардын текст менен иштөө көндүмдөрү чындап эле начарлайт.\n\nБирок топтун темасы жана уставы башталгыч класстар (1–4) менен чектелет. 5–6-класстар үчүн бөлүм жыйнактын көлөмүн көбөйтүп, аны бүтүрүү мөөнөтүн жылдырат; ал класстарда сабак берген мүчөлөр топто жок.\n\nСунушум: бул тапшырмаларды орус тили жана адабияты методикалык бирлешмесине сунуштоо. Талкууга коём, андан кийин добушка.',
		at(-56, '10:00')
	))!;
	await post(
		lit,
		middleThread,
		'Гүлнара Төлөгөнова',
		'Маселе туура коюлган, бирок жыйнакты 1–4-класстар үчүн деп бекиткенбиз. Кийинки жылдын темасы катары карасак болот.',
		at(-55, '15:00')
	);
	const bridge = await post(
		lit,
		middleThread,
		'Үмүт Сарыбаева',
		'Понимаю. Тогда, может быть, хотя бы одно приложение — «мостик» для 4–5 классов? Это 3–4 задания, не больше.',
		at(-54, '18:20')
	);
	await post(
		lit,
		middleThread,
		scientist,
		'Өткөөл мезгил боюнча иш чындап эле керек. Бирок аны өзүнчө долбоор кылып, 5-класстын мугалимдери менен бирге жасаган туура болот деп ойлойм.',
		at(-53, '10:00'),
		{ quotedPostId: bridge }
	);
	const middleVote = await open(
		lit,
		{
			proposalId: middle.id,
			question: 'Жыйнакка 5–6-класстар үчүн тапшырмалар бөлүмүн кошобузбу?',
			description: `№${middle.number} сунуш боюнча (Ү. Сарыбаева). Жетекчинин талдоосу сунуштун барагында.`,
			kind: 'yes_no',
			closesAt: `${pisaMeeting.heldOn}T18:00`,
			isExternalAllowed: 'on',
			tally: 'live'
		},
		at(-50, '09:00')
	);
	await middleVote.cast('Үмүт Сарыбаева', ['yes'], at(-50, '12:00'));
	await middleVote.cast('Айгүл Өмүрбекова', ['no'], at(-49, '09:00'));

	// 4. Multiple choice, at most two: which tasks the group writes first.
	const domains = await open(
		lit,
		{
			question: 'Тапшырмалардын кайсы түрлөрүн биринчи кезекте иштеп чыгабыз?',
			description:
				'Экиден ашык эмес тандаңыз. Эң көп добуш алган эки багыт боюнча ар бир мүчө өз классы үчүн тапшырмаларды даярдайт.',
			kind: 'multiple',
			options:
				'Окуу сабаттуулугу\nМатематикалык сабаттуулук\nТабигый-илимий сабаттуулук\nФинансылык сабаттуулук\nКреативдүү ой жүгүртүү',
			maxChoices: '2',
			quorumPercent: '60',
			isExternalAllowed: 'on',
			tally: 'live'
		},
		at(-48, '10:00')
	);
	await domains.cast('Айгүл Өмүрбекова', [0, 1], at(-48, '10:05'));
	await middleVote.cast(scientist, ['no'], at(-48, '21:00'));
	await domains.cast('Жылдыз Токтогулова', [0, 2], at(-47, '15:00'));
	await middleVote.cast('Жылдыз Токтогулова', ['abstain'], at(-46, '14:00'));
	await domains.cast(scientist, [0, 1], at(-46, '19:00'));
	await middleVote.cast('Гүлнара Төлөгөнова', ['no'], at(-45, '10:00'));
	await domains.cast('Гүлнара Төлөгөнова', [1, 2], at(-44, '08:30'));
	await domains.cast('Үмүт Сарыбаева', [0], at(-43, '12:00'));

	await middleVote.close(
		'Сунуш кабыл алынган жок: методикалык жыйнак 1–4-класстар менен чектелет. 5–6-класстар үчүн тапшырмаларды орус тили жана адабияты методикалык бирлешмесине сунуштоо Ү. Сарыбаевага тапшырылсын.',
		on(pisaMeeting.heldOn, '16:10'),
		pisaMeeting.id
	);
	await domains.close(
		'Биринчи кезекте окуу жана математикалык сабаттуулук боюнча тапшырмалар иштелип чыксын: ар бир мүчө өз классы үчүн бештен тапшырма даярдайт. Табигый-илимий сабаттуулук боюнча тапшырмалар кийинки чейрекке калтырылсын.',
		on(pisaMeeting.heldOn, '16:20'),
		pisaMeeting.id
	);

	// 5. Returned by the leader with a reason: not the group's question.
	const site = await propose(
		lit,
		'Гүлнара Төлөгөнова',
		'other',
		'Мектептин сайтында топтун баракчасын ачуу',
		'Топтун иши тууралуу ата-энелер жана башка мектептердин мугалимдери да билиши керек. Мектептин сайтында өзүнчө баракча ачып, ачык сабактардын сүрөттөрүн жана жыйнактан үзүндүлөрдү жарыялап турууну сунуштайм.',
		at(-30, '11:00')
	);
	await returnProposal(
		db,
		lit.leader,
		lit.id,
		site.id,
		{
			reason:
				'Мектептин сайтын администрация жүргүзөт, бул маселени топ чече албайт. Сунушуңузду окуу иштери боюнча орун басары Б. Жумабаевге жибериңиз; сайт үчүн материалдарды тандоого топ жардам берет.'
		},
		at(-28, '09:40')
	);

	// 6. A change of the forms of work, now being voted on: the one open vote.
	const lessonStudy = await propose(
		lit,
		'Жылдыз Токтогулова',
		'forms_of_work',
		'Ачык сабактарды «Lesson Study» ыкмасы менен талкуулоо',
		'Азыр ачык сабактан кийин кыскача пикир айтып эле тарайбыз. Сунушум — «Сабакты изилдөө» (Lesson Study) ыкмасы:\n1. Сабакты автор менен бирге пландайбыз.\n2. Сабакта ар бир байкоочу 2–3 окуучуну гана байкайт.\n3. Сабактан кийин 30 мүнөт окуучулардын иши боюнча талкуулайбыз: мугалимди эмес, окууну баалайбыз.\n\nБул форма байкоо баракчасын жана талкууга убакыт талап кылат, бирок пайдасы көбүрөөк.',
		at(-25, '14:00')
	);
	const lessonStudyThread = (await analyze(
		lit,
		lessonStudy.id,
		'Ыкма башка өлкөлөрдүн тажрыйбасында өзүн актаган жана биздин максаттарга (тапшырмаларды сыноо, өз ара сабакка катышуу) туура келет.\n\nКыйынчылыгы — убакыт: ар бир ачык сабакка кошумча бир саат пландоо жана 30 мүнөт талкуу керек. Сунушум: адегенде эки ачык сабакта сынап көрүп, андан кийин жыйынтык чыгаруу. Талкууга коём.',
		at(-22, '10:00')
	))!;
	await post(
		lit,
		lessonStudyThread,
		scientist,
		'Lesson Study Кыргызстанда бир нече мектепте сыналган; КББАда орус тилиндеги методикалык колдонмо бар, жөнөтүп берем. @Жылдыз, байкоо баракчасын колдонмодогу үлгү боюнча түзсөңүз болот.',
		at(-21, '11:30')
	);
	const firstLesson = await post(
		lit,
		lessonStudyThread,
		'Үмүт Сарыбаева',
		'Я за. Мой урок в 3 «Б» может стать первым — если коллеги готовы прийти на планирование заранее.',
		at(-20, '09:15')
	);
	await post(
		lit,
		lessonStudyThread,
		'Жылдыз Токтогулова',
		'Рахмат! Пландоону сабактан бир жума мурун, бейшемби күнү саат 14:00дө өткөрөлү.',
		at(-20, '13:40'),
		{ parentId: firstLesson }
	);
	await post(
		lit,
		lessonStudyThread,
		'Гүлнара Төлөгөнова',
		'Колдойм, бирок талкуу 30 мүнөттөн ашпасын: экинчи сменада сабагы бар кесиптештер да бар.',
		at(-19, '16:00')
	);
	const lessonStudyVote = await open(
		lit,
		{
			proposalId: lessonStudy.id,
			question: 'Ачык сабактарды «Lesson Study» ыкмасы менен талкуулайбызбы?',
			description: `№${lessonStudy.number} сунуш боюнча (Ж. Токтогулова). Кабыл алынса, ыкма эки ачык сабакта сыналат, жыйынтыгы кийинки жыйында чыгарылат.`,
			kind: 'yes_no',
			quorumPercent: '60',
			// Still open two weeks after the demo is seeded.
			closesAt: `${day(14)}T18:00`,
			isExternalAllowed: 'on',
			tally: 'live'
		},
		at(-3, '10:00')
	);
	await lessonStudyVote.cast('Жылдыз Токтогулова', ['yes'], at(-3, '10:20'));
	await lessonStudyVote.cast('Гүлнара Төлөгөнова', ['yes'], at(-2, '15:45'));
	await lessonStudyVote.cast(scientist, ['abstain'], at(-1, '09:10'));

	// 7. The scientist's theme for next year: analyzed, not yet put to discussion.
	const digital = await propose(
		lit,
		scientist,
		'theme',
		'Кийинки окуу жылынын темасы: санариптик тексттерди окуу',
		'Топ учурдагы теманы жыйнак менен жыйынтыктайт. Кийинки жылга мындай теманы сунуштайм: «Башталгыч класстарда окуучулардын санариптик тексттерди (сайттар, электрондук таблицалар, инфографика) окуу жана баалоо жөндөмүн өнүктүрүү».\n\nЭл аралык изилдөөлөр (PISA, PIRLS) санариптик окууга өзгөчө көңүл бурат, ал эми мектептерде бул багыт боюнча тапшырмалар дээрлик жок.',
		at(-12, '10:00')
	);
	await analyze(
		lit,
		digital.id,
		'Тема учурдагы иштин логикалык уландысы жана мектептин санариптештирүү планына дал келет.\n\nАчык суроолор: 1–2-класстар үчүн санариптик тексттер канчалык ылайыктуу; компьютер классы башталгыч класстар үчүн жумасына бир эле жолу бош.\n\nСунушум: жыйнак даяр болгондон кийин, окуу жылынын аягында талкууга коюу. Ага чейин А. Калыковдон (информатика) компьютер классынын мүмкүнчүлүктөрү тууралуу маалымат алуу.',
		at(-6, '11:00'),
		false
	);

	// A free-standing thread: organizing an open lesson.
	const { threadId: openLesson } = await startThread(
		db,
		p('Үмүт Сарыбаева'),
		lit.id,
		{
			title: '3-«Б» класстагы ачык сабакты уюштуруу',
			body: 'Кесиптештер, 3-«Б» класста окуу сабаттуулугу боюнча ачык сабакка даярданып жатам. Сабак орус тилинде, «Автобустун графигин окуйбуз» тапшырмаларынын негизинде болот; окуучулар топтордо иштешет. Ким катыша алат? Байкоо баракчасын кимдир бирөө даярдап берсе жакшы болмок.'
		},
		at(-14, '15:00')
	);
	const filming = await post(
		lit,
		openLesson,
		'Жылдыз Токтогулова',
		'Мен катышам, байкоо баракчасын семинардагы үлгү боюнча даярдайм. @Айгүл Өмүрбекова, сабакты видеого тартууга уруксат керекпи?',
		at(-13, '10:00')
	);
	await post(
		lit,
		openLesson,
		'Айгүл Өмүрбекова',
		'Ата-энелердин жазуу жүзүндөгү макулдугу керек. Бланкты класс жетекчиге бердим.',
		at(-13, '13:30'),
		{ parentId: filming }
	);
	const when = await post(
		lit,
		openLesson,
		'Гүлнара Төлөгөнова',
		'Сабак качан болот? Графикте өткөн жумага белгиленген эле.',
		at(-7, '09:00')
	);
	await post(
		lit,
		openLesson,
		'Үмүт Сарыбаева',
		'Урок переносится: в 3 «Б» карантин по гриппу до конца недели. Новую дату сообщу здесь.',
		at(-6, '17:00'),
		{ parentId: when }
	);

	// --- STEM 7–9 --------------------------------------------------------------------

	// 1. Withdrawn by its author.
	const robotics = await propose(
		stem,
		'Нурлан Үсөнов',
		'other',
		'7-класстар үчүн робототехника ийримин ачуу',
		'Окуучулар STEM-долбоорлорго кызыгып жатышат. Жумасына бир жолу робототехника ийримин ачууну сунуштайм; мектепте төрт конструктор топтому бар.',
		at(-62, '10:00')
	);
	await withdrawProposal(db, p('Нурлан Үсөнов'), stem.id, robotics.id, at(-58, '12:00'));

	// 2. A change of strategy whose vote failed its quorum: back to discussion.
	const halfYear = await propose(
		stem,
		'Нурлан Үсөнов',
		'strategy',
		'Долбоорлорду чейрек сайын эмес, жарым жылда бир жолу өткөрүү',
		'Биринчи долбоор көрсөткөндөй, бир чейрек пландоого, сабакка, көргөзмөгө жана талдоого өтө аз. Окуучулар өлчөөлөрдү шашып бүтүрүштү.\n\nСунушум: стратегияны өзгөртүп, жарым жылда бир чоң долбоор өткөрүү (жылына эки долбоор). Ошондо ар бир долбоордун изилдөө бөлүгүнө көбүрөөк убакыт калат.',
		at(-45, '11:00')
	);
	const halfYearThread = (await analyze(
		stem,
		halfYear.id,
		'Сунуш топтун стратегиясын өзгөртөт: уставда «ар бир чейректе бир долбоор» деп жазылган, күтүлгөн натыйжа — 8 долбоор.\n\nПайдасы: изилдөөгө убакыт көбөйүп, сапат жакшырат. Кемчилиги: долбоорлордун саны эки эсе азаят, аларга окуучулардын азыраак бөлүгү катышат.\n\nТалкууга коём; кабыл алынса, уставдагы стратегия жана күтүлгөн натыйжалар өзгөртүлөт.',
		at(-42, '09:00')
	))!;
	const against = await post(
		stem,
		halfYearThread,
		'Чолпон Абдыкадырова',
		'Каршымын. Химия жана биология боюнча темалар көп, жылына эки долбоор аздык кылат. Андан көрө ар бир долбоордун пландоосун мурдараак баштайлы.',
		at(-40, '14:00')
	);
	const three = await post(
		stem,
		halfYearThread,
		'Айжан Бейшеналиева',
		'Ортоңку вариантты сунуштайм: жылына үч долбоор — күзүндө, кышында жана жазында.',
		at(-39, '10:30'),
		{ parentId: against }
	);
	await post(
		stem,
		halfYearThread,
		'Нурлан Үсөнов',
		'Бул да жакшы вариант. Бирок азыр менин сунушум добушка коюлат; эки долбоор кабыл алынбаса, үч долбоорду өзүнчө сунуш кылсак болот.',
		at(-38, '17:15'),
		{ parentId: three }
	);
	const halfYearVote = await open(
		stem,
		{
			proposalId: halfYear.id,
			question: 'Долбоорлорду жарым жылда бир жолу өткөрөбүзбү?',
			description: `№${halfYear.number} сунуш боюнча (Н. Үсөнов). Кабыл алынса, уставдагы стратегия өзгөртүлөт. Кворум — мүчөлөрдүн 75%ы.`,
			kind: 'yes_no',
			quorumPercent: '75',
			closesAt: `${day(-23)}T18:00`,
			tally: 'live'
		},
		at(-30, '10:00')
	);
	await halfYearVote.cast('Нурлан Үсөнов', ['yes'], at(-30, '10:30'));
	await halfYearVote.cast('Чолпон Абдыкадырова', ['no'], at(-28, '16:00'));
	// The deadline closed it without a quorum; the next morning the leader words the decision.
	await halfYearVote.close(
		'Кворум болгон жок: 4 мүчөнүн 2си гана добуш берди. Чечим кабыл алынган жок, сунуш кайра талкууга кайтарылды. Экинчи чейректин жыйынтыгы боюнча кайра добушка коюлат.',
		at(-22, '09:00')
	);
	const sorry = await post(
		stem,
		halfYearThread,
		'Айжан Бейшеналиева',
		'Кечиресиздер, чейректин аягында журнал толтуруп жүрүп добуш бере албай калдым. @Бекболот Исаков, кайра добушка коюп, жылына үч долбоор деген вариантты да кошсок болобу?',
		at(-21, '12:00')
	);
	await post(
		stem,
		halfYearThread,
		'Бекболот Исаков',
		'Макул. Кийинки добушта бир нече вариант болот: жылына төрт, үч же эки долбоор.',
		at(-21, '15:00'),
		{ parentId: sorry }
	);

	// 3. The next project, in discussion: replies, a quote, mentions and an edited post.
	const lake = await propose(
		stem,
		'Айжан Бейшеналиева',
		'plan_item',
		'Экинчи долбоор: «Ысык-Көлдүн суусунун тазалыгын изилдөө» (9-класс)',
		'Экинчи долбоор катары 9-класстар менен Ысык-Көлдүн жээгиндеги суунун тазалыгын изилдөөнү сунуштайм.\n\nОкуучулар суунун тунуктугун, температурасын, pH деңгээлин өлчөп, планктонду микроскоп менен карашат; натыйжаларды таблица жана график кылып, мектептин көргөзмөсүндө коргошот.\n\nДолбоор география, химия, биология, физика жана математиканы бириктирет.',
		at(-16, '10:00')
	);
	const lakeThread = (await analyze(
		stem,
		lake.id,
		'Долбоор топтун стратегиясына толук шайкеш: физика (тунуктук, температура), химия (pH, туздар), биология (планктон), математика (маалыматтарды иштетүү) бир темада бириктирилет.\n\nКоопсуздук: жээкке чыгуу ата-энелердин жазуу жүзүндөгү уруксаты менен жана эки мугалимдин коштоосунда гана болот. Реактивдер жана тест-топтомдор жетиштүүбү — талкууда тактайлы.\n\nТалкууга коём.',
		at(-14, '09:00')
	))!;
	const reagents = await post(
		stem,
		lakeThread,
		'Чолпон Абдыкадырова',
		'Колдойм. Химия кабинетинде pH-тесттер жана индикатор кагаздары бар, бирок нитраттарды аныктоочу тест-топтомдор жок — сатып алуу керек болот.',
		at(-13, '10:15')
	);
	const samples = await post(
		stem,
		lakeThread,
		'Нурлан Үсөнов',
		'Математика жагын мен алам: окуучулар өлчөөлөрдүн орточо маанисин жана чачырандылыгын эсептеп, графиктерди түзүшөт. @Айжан Бейшеналиева, канча жерден үлгү алабыз?',
		at(-13, '16:40')
	);
	const places = await post(
		stem,
		lakeThread,
		'Айжан Бейшеналиева',
		'Үч жерден: Каракол булуңу, Пристань жана Жети-Өгүз жээги. Ар биринен эки жолу — күзүндө жана жазында. @Нурлан Үсөнов, жыйынтыкты картага да түшүрсөк болот.',
		at(-12, '09:05'),
		{ parentId: samples }
	);
	await editPost(
		db,
		p('Айжан Бейшеналиева'),
		stem.id,
		lakeThread,
		{
			postId: places,
			body: 'Үч жерден: Каракол булуңу, Пристань жана Жети-Өгүз жээги. Ар биринен эки жолу — күзүндө жана жазында. @Нурлан Үсөнов, жыйынтыкты картага да түшүрсөк болот (ар бир чекиттин GPS-координаталары менен).'
		},
		at(-12, '11:20')
	);
	const letter = await post(
		stem,
		lakeThread,
		'Бекболот Исаков',
		'Тест-топтомдорду сатып алуу боюнча администрацияга кат жазам. Азырынча кабинеттеги pH-тесттер менен баштасак болот.',
		at(-11, '08:50'),
		{ quotedPostId: reagents }
	);
	await post(
		stem,
		lakeThread,
		'Чолпон Абдыкадырова',
		'Рахмат! Анда биринчи чыгууну аба ырайы жылуу турганда, мүмкүн болушунча эртерээк пландайлы.',
		at(-10, '14:30'),
		{ parentId: letter }
	);
	await post(
		stem,
		lakeThread,
		'Айжан Бейшеналиева',
		'Долбоордун планын «Материалдар» бөлүмүнө жүктөдүм — пикириңиздерди күтөм.',
		at(-8, '10:00')
	);
	await post(
		stem,
		lakeThread,
		'Нурлан Үсөнов',
		'@Бекболот Исаков, кийинки жыйынга чейин добушка коюп, планга кошсок болобу? Окуучулар азыртан эле сурап жатышат.',
		at(-4, '17:30')
	);

	// 4. Just submitted: waiting for the leader's analysis.
	await propose(
		stem,
		'Чолпон Абдыкадырова',
		'material',
		'Окуучулардын мыкты долбоорлорун жыйнакка фото-отчёт менен киргизүү',
		'Ар бир долбоордон кийин окуучулардын 2–3 мыкты ишин (постер, өлчөө таблицасы, сүрөттөр) тандап, топтун жыйнагына тиркеме катары кошууну сунуштайм. Бул башка мугалимдерге долбоордун натыйжасын көрсөтөт. Окуучуларды сүрөткө тартууга ата-энелердин макулдугу алынат.',
		at(-1, '16:30')
	);

	// A free-standing thread: preparing the integrated lesson of the plan.
	const { threadId: waterLesson } = await startThread(
		db,
		stem.leader,
		stem.id,
		{
			title: '«Суу — жашоонун булагы» интегралдык сабагына даярдык',
			body: 'Интегралдык сабакка үч жумача калды. Бөлүштүрүп алалы: мен физикалык бөлүгүн (суунун тыгыздыгы жана жылуулук сыйымдуулугу) алам. Ким эмне даярдайт?'
		},
		at(-9, '11:00')
	);
	const waterStart = await db
		.selectFrom('discussionPosts')
		.select('id')
		.where('threadId', '=', waterLesson)
		.executeTakeFirstOrThrow();
	await post(
		stem,
		waterLesson,
		'Чолпон Абдыкадырова',
		'Химиялык жана биологиялык бөлүгү менде: суунун тазалыгын текшерүү жана өсүмдүктөр үчүн суунун мааниси. Реактивдер бар.',
		at(-9, '14:20')
	);
	await post(
		stem,
		waterLesson,
		'Айжан Бейшеналиева',
		'Мен Ысык-Көл бассейнинин картасын жана суунун айланышынын схемасын даярдайм.',
		at(-8, '09:40')
	);
	await post(
		stem,
		waterLesson,
		'Нурлан Үсөнов',
		'Математикалык тапшырма да болсун: үй-бүлөнүн бир айлык суу чыгымын эсептөө. Таблицаны мен түзөм.',
		at(-7, '18:00'),
		{ parentId: waterStart.id }
	);
}

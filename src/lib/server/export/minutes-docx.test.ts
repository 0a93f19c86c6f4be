import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { minutesDocx, type MinutesData, type MinutesLabels } from './minutes-docx.js';

const labels: MinutesLabels = {
	title: 'Протокол № 3',
	groupLine: '«Функционалдык сабаттуулук» чыгармачыл тобунун жыйыны',
	date: 'Күнү',
	place: 'Өткөн жери',
	online: 'Онлайн шилтеме',
	chair: 'Төрага',
	secretary: 'Катчы',
	present: 'Катышкандар',
	absent: 'Катышпагандар',
	excused: 'Жүйөлүү себеп менен катышпагандар',
	invited: 'Чакырылгандар',
	agenda: 'Күн тартиби',
	speaker: 'Баяндамачы',
	heard: 'УГУЛДУ',
	spoke: 'ЧЫГЫП СҮЙЛӨГӨНДӨР',
	decided: 'ТОКТОМ КЫЛАТ',
	notes: 'Кошумча маалымат',
	decisions: 'Жыйындын чечимдери',
	signature: 'колу',
	votes: 'Добуш берүү менен кабыл алынган чечимдер',
	voteTitle: (number) => `Чечим №${number}`,
	voteWording: 'Чечимдин тексти',
	voteOutcome: 'Жыйынтыгы',
	voteTally: 'Добуштар',
	voteQuorum: 'Кворум'
};

const school = 'Каракол шаарындагы №5 Ү. Өмүрбеков атындагы орто мектеби';
const firstItem = 'Окуучулардын функционалдык сабаттуулугун баалоо жөнүндө';
const secondItem = 'Ачык сабактардын графиги жөнүндө';

const meeting: MinutesData = {
	language: 'ky',
	schoolName: school,
	city: 'Каракол ш.',
	date: '2026-ж., 25-ноябрь',
	time: '14:00',
	place: 'Мугалимдер бөлмөсү, 12-кабинет',
	onlineLink: 'https://meet.example.kg/ustat?a=1&b=2',
	chair: 'Үмүт Өмүрбекова',
	secretary: 'Айгүл Теңирбекова',
	present: ['Үмүт Өмүрбекова', 'Айгүл Теңирбекова', 'Нурлан Сүйүнбаев', 'Гүлнара Ташполотова'],
	absent: ['Бакыт Жумабеков'],
	excused: ['Жаңыл Өскөнбаева'],
	invited: 'Райондук билим берүү бөлүмүнүн методисти А. Асанова',
	agenda: [
		{
			title: firstItem,
			speaker: 'Үмүт Өмүрбекова',
			heard:
				'Ү. Өмүрбекова «ЖАҢЫ МУУН» долбоорундагы PISA тапшырмаларынын жыйынтыгын айтып берди.\r\nОкуучулардын 60% тапшырманы аткарды.',
			spoke: 'А. Теңирбекова: <script>&"\' белгилери текстте калышы керек.',
			decided: 'Маалымат эске алынсын.\nАр бир мугалим айына бир ачык сабак өткөрсүн.'
		},
		{
			title: secondItem,
			speaker: null,
			heard: 'Н. Сүйүнбаев графиктин долбоорун сунуштады.',
			spoke: '',
			decided: 'График бекитилсин.'
		}
	],
	notes: 'Кийинки жыйын 2026-ж., 23-декабрда өтөт.',
	decisions:
		'1. Ачык сабактардын графиги бекитилсин.\n2. Жыйынтыктар мектептин сайтына жарыялансын.\n'
};

async function unpack(data: MinutesData) {
	const files = unzipSync(new Uint8Array(await minutesDocx(data, labels)));
	const xml = (name: string) => {
		const file = files[name];
		if (!file) throw new Error(`${name} is missing from the package`);
		return strFromU8(file);
	};
	const document = xml('word/document.xml');
	// <w:p> or <w:p …>, not <w:pPr>; the minutes have no tables, so paragraphs do not nest.
	const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => textOf(p));
	return {
		files,
		document,
		styles: xml('word/styles.xml'),
		paragraphs,
		text: paragraphs.join('\n')
	};
}

/** The text a reader sees: the contents of <w:t> elements with XML entities decoded, tabs as "\t". */
function textOf(xml: string): string {
	const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
	return [...xml.matchAll(/<w:tab\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
		.map(([, text]) =>
			text === undefined
				? '\t'
				: text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => entities[name] ?? '')
		)
		.join('');
}

function inOrder(text: string, pieces: string[]) {
	const positions = pieces.map((piece) => text.indexOf(piece));
	expect(positions.every((at) => at >= 0)).toBe(true);
	expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const votes: NonNullable<MinutesData['votes']> = [
	{
		number: 4,
		question: 'Ачык сабактардын графигин бекитебизби?',
		wording: 'Ачык сабактардын графиги бекитилсин.\nГрафик мектептин сайтына жарыялансын.',
		outcome: 'Кабыл алынды',
		tally: 'Ооба 7 · Жок 2 · Калыс калгандар 1',
		quorum: 'Кворум бар (50%) · 12 кишиден 10 киши добуш берди'
	},
	{
		number: 5,
		question: 'Семинардын темасын тандаңыз <b>&</b>',
		wording: '',
		outcome: 'Көпчүлүк тандады: Сын ойлом',
		tally: 'Сын ойлом 6 · Долбоордук окутуу 4',
		quorum: 'Кворум талап кылынган эмес · 12 кишиден 10 киши добуш берди'
	}
];

describe('minutes as DOCX', () => {
	it('is a Word package with the school, title, people and agenda', async () => {
		const { files, text, paragraphs } = await unpack(meeting);
		expect(Object.keys(files)).toEqual(
			expect.arrayContaining(['[Content_Types].xml', 'word/document.xml'])
		);

		expect(paragraphs[0]).toBe(school);
		expect(text).toContain('Протокол № 3');
		expect(text).toContain(labels.groupLine);
		expect(paragraphs).toContain('Каракол ш.\t2026-ж., 25-ноябрь, 14:00');
		expect(paragraphs).toContain('Өткөн жери: Мугалимдер бөлмөсү, 12-кабинет');
		expect(paragraphs).toContain('Катышкандар: 4');
		for (const name of meeting.present) expect(text).toContain(name);
		expect(paragraphs).toContain('Катышпагандар: 1');
		expect(paragraphs).toContain('Жүйөлүү себеп менен катышпагандар: 1');
		expect(text).toContain('Чакырылгандар: Райондук билим берүү бөлүмүнүн методисти А. Асанова');
		expect(paragraphs).toContain(`1. ${firstItem} (Баяндамачы: Үмүт Өмүрбекова)`);
		expect(paragraphs).toContain(`2. ${secondItem}`);
	});

	it('lists the agenda, then each item as HEARD, SPOKE, DECIDED in order', async () => {
		const { text, paragraphs } = await unpack(meeting);
		inOrder(text, [
			'Күн тартиби:',
			firstItem,
			secondItem,
			// The item sections come after the agenda list.
			`1. ${firstItem}\nУГУЛДУ:`,
			'ЧЫГЫП СҮЙЛӨГӨНДӨР:',
			'ТОКТОМ КЫЛАТ:',
			`2. ${secondItem}\nУГУЛДУ:`,
			'График бекитилсин.',
			'Кошумча маалымат:',
			'Жыйындын чечимдери:'
		]);
		// The second item has nothing in SPOKE, so its heading appears once, for the first item only.
		expect(paragraphs.filter((p) => p === 'ЧЫГЫП СҮЙЛӨГӨНДӨР:')).toHaveLength(1);
		expect(paragraphs.filter((p) => p === 'УГУЛДУ:')).toHaveLength(2);
		expect(paragraphs.filter((p) => p === 'ТОКТОМ КЫЛАТ:')).toHaveLength(2);
	});

	it('gives each line of a free text its own paragraph', async () => {
		const { paragraphs } = await unpack(meeting);
		for (const line of [
			'Ү. Өмүрбекова «ЖАҢЫ МУУН» долбоорундагы PISA тапшырмаларынын жыйынтыгын айтып берди.',
			'Окуучулардын 60% тапшырманы аткарды.',
			'Маалымат эске алынсын.',
			'Ар бир мугалим айына бир ачык сабак өткөрсүн.',
			'1. Ачык сабактардын графиги бекитилсин.',
			'2. Жыйынтыктар мектептин сайтына жарыялансын.'
		]) {
			expect(paragraphs).toContain(line);
		}
		// The trailing newline of the decisions does not add an empty paragraph before the signatures.
		const last = paragraphs.indexOf('2. Жыйынтыктар мектептин сайтына жарыялансын.');
		expect(paragraphs[last + 1]).toBe('Төрага:\t____________\tҮмүт Өмүрбекова');
	});

	it('keeps Kyrgyz letters and markup characters as text', async () => {
		const { document, text } = await unpack(meeting);
		for (const word of ['Теңирбекова', 'Өмүрбекова', 'ЖАҢЫ', 'Үмүт', 'СҮЙЛӨГӨНДӨР'])
			expect(text).toContain(word);
		expect(document).toContain('&lt;script&gt;&amp;');
		expect(document).not.toContain('<script>');
		expect(text).toContain('А. Теңирбекова: <script>&"\' белгилери текстте калышы керек.');
		expect(text).toContain('https://meet.example.kg/ustat?a=1&b=2');
	});

	it('ends with signature lines for the chair and the secretary', async () => {
		const { paragraphs } = await unpack(meeting);
		expect(paragraphs.slice(-4)).toEqual([
			'Төрага:\t____________\tҮмүт Өмүрбекова',
			'\t(колу)',
			'Катчы:\t____________\tАйгүл Теңирбекова',
			'\t(колу)'
		]);
	});

	it('sets A4, Times New Roman 14 pt and the document language', async () => {
		const { document, styles } = await unpack(meeting);
		expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
		const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(styles)?.[1] ?? '';
		for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs'])
			expect(defaults).toContain(`w:${slot}="Times New Roman"`);
		expect(defaults).toContain('<w:sz w:val="28"/>');
		expect(defaults).toContain('<w:lang w:val="ky-KG"/>');

		const russian = await unpack({ ...meeting, language: 'ru' });
		expect(russian.styles).toContain('<w:lang w:val="ru-RU"/>');
		const english = await unpack({ ...meeting, language: 'en' });
		expect(english.styles).toContain('<w:lang w:val="en-US"/>');
	});

	it('renders an empty meeting with the title and no empty sections', async () => {
		const { files, paragraphs, text } = await unpack({
			language: 'ru',
			schoolName: school,
			city: '',
			date: '2026-ж., 25-ноябрь',
			time: null,
			place: '  ', // blank counts as not given
			onlineLink: null,
			chair: null,
			secretary: null,
			present: [],
			absent: [],
			excused: [],
			invited: null,
			agenda: [],
			notes: '',
			decisions: '  \n'
		});
		expect(files['[Content_Types].xml']).toBeDefined();
		expect(text).toContain('Протокол № 3');
		expect(paragraphs).toContain('\t2026-ж., 25-ноябрь');
		expect(paragraphs).toContain('Катышкандар: 0');
		for (const label of [
			labels.place,
			labels.online,
			labels.absent,
			labels.excused,
			labels.invited,
			labels.agenda,
			labels.heard,
			labels.notes,
			labels.decisions
		]) {
			expect(text).not.toContain(`${label}:`);
		}
		expect(paragraphs.slice(-4)).toEqual([
			'Төрага:\t____________',
			'\t(колу)',
			'Катчы:\t____________',
			'\t(колу)'
		]);
	});

	it('lists the decisions taken by vote after the agenda items, with wording, tally and quorum', async () => {
		const { document, text, paragraphs } = await unpack({ ...meeting, votes });
		inOrder(text, [
			`2. ${secondItem}\nУГУЛДУ:`,
			'График бекитилсин.',
			'Добуш берүү менен кабыл алынган чечимдер:',
			'Чечим №4. Ачык сабактардын графигин бекитебизби?',
			'Чечимдин тексти: Ачык сабактардын графиги бекитилсин.',
			'График мектептин сайтына жарыялансын.',
			'Жыйынтыгы: Кабыл алынды',
			'Добуштар: Ооба 7 · Жок 2 · Калыс калгандар 1',
			'Кворум: Кворум бар (50%) · 12 кишиден 10 киши добуш берди',
			'Чечим №5. Семинардын темасын тандаңыз <b>&</b>',
			'Жыйынтыгы: Көпчүлүк тандады: Сын ойлом',
			'Добуштар: Сын ойлом 6 · Долбоордук окутуу 4',
			'Кворум: Кворум талап кылынган эмес · 12 кишиден 10 киши добуш берди',
			'Кошумча маалымат:',
			'Жыйындын чечимдери:'
		]);
		expect(paragraphs).toContain('График мектептин сайтына жарыялансын.');
		// A decision not worded yet has no wording line, and markup stays text.
		expect(paragraphs.filter((p) => p.startsWith('Чечимдин тексти:'))).toHaveLength(1);
		expect(document).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
		expect(paragraphs.slice(-4)[0]).toBe('Төрага:\t____________\tҮмүт Өмүрбекова');
	});

	it('has no section of decisions by vote when none were linked to the meeting', async () => {
		for (const data of [meeting, { ...meeting, votes: [] }]) {
			const { text } = await unpack(data);
			expect(text).not.toContain(`${labels.votes}:`);
			expect(text).not.toContain('Чечим №');
		}
	});
});

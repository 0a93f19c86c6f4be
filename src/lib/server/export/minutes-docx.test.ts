import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { minutesDocx, type MinutesData, type MinutesLabels } from './minutes-docx.js';

const labels: MinutesLabels = {
	title: '№3 протокол',
	heading: ['«Функционалдык сабаттуулук» чыгармачыл тобунун отурумунун', '№3 ПРОТОКОЛУ'],
	time: 'Башталган убактысы',
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
	decisions: 'Отурумдун чечимдери',
	signature: 'колу',
	votes: 'Добуш берүү менен кабыл алынган чечимдер',
	voteTitle: (number) => `Чечим №${number}`
};

const school = 'Каракол шаарындагы №5 Ү. Өмүрбеков атындагы орто мектеби';
const firstItem = 'Окуучулардын функционалдык сабаттуулугун баалоо жөнүндө';
const secondItem = 'Ачык сабактардын графиги жөнүндө';

const meeting: MinutesData = {
	language: 'ky',
	schoolName: school,
	city: 'Каракол ш.',
	date: '2026-жылдын\u00a025-ноябры',
	time: '14:00',
	place: 'Мугалимдер бөлмөсү, 12-кабинет',
	onlineLink: 'https://meet.example.kg/ustat?a=1&b=2',
	chair: 'Өмүрбекова Үмүт Асановна',
	secretary: 'Теңирбекова Айгүл',
	present: [
		'Өмүрбекова Үмүт Асановна',
		'Теңирбекова Айгүл',
		'Сүйүнбаев Нурлан',
		'Ташполотова Гүлнара'
	],
	absent: ['Жумабеков Бакыт'],
	excused: ['Өскөнбаева Жаңыл'],
	invited: 'Райондук билим берүү бөлүмүнүн методисти А. Асанова',
	agenda: [
		{
			title: firstItem,
			speaker: 'Ү. Өмүрбекова',
			heard:
				'Ү. Өмүрбекова «ЖАҢЫ МУУН» долбоорундагы PISA тапшырмаларынын жыйынтыгын айтып берди.\r\nОкуучулардын 60% тапшырманы аткарды.',
			spoke: 'Теңирбекова А. К.: <script>&"\' белгилери текстте калышы керек.',
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
	notes: 'Кийинки отурум декабрда өтөт.',
	decisions:
		'1. Ачык сабактардын графиги бекитилсин.\n2. Жыйынтыктар мектептин сайтына жарыялансын.\n'
};

const NBSP = '\u00a0';

async function unpack(data: MinutesData) {
	const files = unzipSync(new Uint8Array(await minutesDocx(data, labels)));
	const xml = (name: string) => {
		const file = files[name];
		if (!file) throw new Error(`${name} is missing from the package`);
		return strFromU8(file);
	};
	const document = xml('word/document.xml');
	// <w:p> or <w:p …>, not <w:pPr>; the minutes have no tables, so paragraphs do not nest.
	const elements = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p);
	const raw = elements.map(textOf);
	// No-break spaces read as spaces, except where a test looks for them.
	const paragraphs = raw.map((p) => p.replaceAll(NBSP, ' '));
	return {
		files,
		document,
		styles: xml('word/styles.xml'),
		elements,
		raw,
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
		tally: 'Добуш берүүнүн жыйынтыгы: «макул» — 7, «каршы» — 2, «калыс» — 1.',
		turnout:
			'Добуш берүү укугу барлар — 12, добуш бергендер — 10. Кворум бар (кеминде 50% катышуу керек).',
		outcome: 'Чечим кабыл алынды.'
	},
	{
		number: 5,
		question: 'Семинардын темасын тандаңыз <b>&</b>',
		wording: '',
		tally: 'Добуш берүүнүн жыйынтыгы: «Сын ойлом» — 6, «Долбоордук окутуу» — 4.',
		turnout: 'Добуш берүү укугу барлар — 12, добуш бергендер — 10.',
		outcome: 'Көпчүлүк добуш менен тандалды: «Сын ойлом».'
	}
];

const signatures = [
	'Төрага:\t____________\tӨмүрбекова Үмүт Асановна',
	'\t(колу)',
	'Катчы:\t____________\tТеңирбекова Айгүл',
	'\t(колу)'
];

describe('minutes as DOCX', () => {
	it('is a Word package with the school, the heading, the date line, people and agenda', async () => {
		const { files, text, paragraphs } = await unpack(meeting);
		expect(Object.keys(files)).toEqual(
			expect.arrayContaining(['[Content_Types].xml', 'word/document.xml'])
		);

		// The school is the organisation line, the heading one chain below it, in its order.
		expect(paragraphs.slice(0, 4)).toEqual([
			school,
			'«Функционалдык сабаттуулук» чыгармачыл тобунун отурумунун',
			'№3 ПРОТОКОЛУ',
			'Каракол ш.\t2026-жылдын 25-ноябры'
		]);
		expect(paragraphs).toContain('Башталган убактысы: 14:00');
		expect(paragraphs).toContain('Өткөн жери: Мугалимдер бөлмөсү, 12-кабинет');
		expect(paragraphs).toContain(
			'Катышкандар (4): Өмүрбекова Үмүт Асановна, Теңирбекова Айгүл, Сүйүнбаев Нурлан, Ташполотова Гүлнара'
		);
		expect(paragraphs).toContain('Катышпагандар (1): Жумабеков Бакыт');
		expect(paragraphs).toContain('Жүйөлүү себеп менен катышпагандар (1): Өскөнбаева Жаңыл');
		expect(text).toContain('Чакырылгандар: Райондук билим берүү бөлүмүнүн методисти А. Асанова');
		expect(paragraphs).toContain(`1.\t${firstItem} (Баяндамачы: Ү. Өмүрбекова)`);
		expect(paragraphs).toContain(`2.\t${secondItem}`);
		// No label is followed by a second one on the same line.
		for (const p of paragraphs) expect(p).not.toMatch(/:[^:\n]*:\s/u);
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
			'Отурумдун чечимдери:'
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
			'1.\tАчык сабактардын графиги бекитилсин.',
			'2.\tЖыйынтыктар мектептин сайтына жарыялансын.'
		]) {
			expect(paragraphs).toContain(line);
		}
		// The trailing newline of the decisions does not add an empty paragraph before the signatures.
		const last = paragraphs.indexOf('2.\tЖыйынтыктар мектептин сайтына жарыялансын.');
		expect(paragraphs[last + 1]).toBe(signatures[0]);
	});

	it('binds initials to surnames, keeps names and dates whole, and a dash off the line start', async () => {
		const { raw } = await unpack({ ...meeting, votes });
		const all = raw.join('\n');
		for (const bound of [
			`А.${NBSP}Асанова`,
			`Ү.${NBSP}Өмүрбекова`,
			`Н.${NBSP}Сүйүнбаев`,
			`Теңирбекова${NBSP}А.${NBSP}К.:`,
			`Өмүрбекова${NBSP}Үмүт${NBSP}Асановна`,
			`2026-жылдын${NBSP}25-ноябры`,
			`«макул»${NBSP}— 7`,
			`Ү.${NBSP}Өмүрбеков атындагы`
		])
			expect(all).toContain(bound);
		// Initials never stand before an ordinary space.
		expect(all).not.toMatch(/(?<![\p{L}\p{N}])\p{Lu}\. \p{Lu}/u);
		expect(all).not.toMatch(/ —/);
	});

	it('sets nothing justified: short and list lines stay left-aligned', async () => {
		const { document } = await unpack({ ...meeting, votes });
		expect(document).not.toMatch(/<w:jc w:val="(both|distribute)"/);
		// Agenda lines wrap under their text, not under the number.
		expect(document).toMatch(/<w:ind w:left="454" w:hanging="454"\/>/);
	});

	it('hangs a list typed in a free text like the agenda, and nothing else', async () => {
		const { elements, paragraphs } = await unpack({
			...meeting,
			notes: '- Биринчи эскертүү\n2) Экинчи эскертүү\n2026-жылы башталат.'
		});
		const hangs = (text: string) => elements[paragraphs.indexOf(text)]!.includes('w:hanging=');
		expect(hangs('-\tБиринчи эскертүү')).toBe(true);
		expect(hangs('2)\tЭкинчи эскертүү')).toBe(true);
		expect(hangs('1.\tАчык сабактардын графиги бекитилсин.')).toBe(true);
		expect(hangs('2026-жылы башталат.')).toBe(false);
		expect(hangs('Маалымат эске алынсын.')).toBe(false);
	});

	it('keeps Kyrgyz letters and markup characters as text', async () => {
		const { document, text } = await unpack(meeting);
		for (const word of ['Теңирбекова', 'Өмүрбекова', 'ЖАҢЫ', 'Үмүт', 'СҮЙЛӨГӨНДӨР'])
			expect(text).toContain(word);
		expect(document).toContain('&lt;script&gt;&amp;');
		expect(document).not.toContain('<script>');
		expect(text).toContain('Теңирбекова А. К.: <script>&"\' белгилери текстте калышы керек.');
		expect(text).toContain('https://meet.example.kg/ustat?a=1&b=2');
	});

	it('ends with the signatures, kept together with the last decision', async () => {
		const { paragraphs, elements } = await unpack(meeting);
		expect(paragraphs.slice(-4)).toEqual(signatures);
		const decisions = paragraphs.indexOf('Отурумдун чечимдери:');
		// From the last decision's heading to the chair's caption: keep with next, lines unbroken.
		for (const element of elements.slice(decisions, -1)) {
			expect(element).toContain('<w:keepNext/>');
			expect(element).toContain('<w:keepLines/>');
		}
		expect(elements.at(-1)).not.toContain('<w:keepNext/>');
		// Earlier blocks are not chained to the end (the whole protocol would move as one).
		expect(elements[paragraphs.indexOf('Маалымат эске алынсын.')]).not.toContain('<w:keepNext/>');
	});

	it('keeps only the tail of a very long last decision with the signatures', async () => {
		const long = Array.from({ length: 20 }, (_, i) => `${i + 1}. Чечимдин ${i + 1}-пункту.`);
		const { paragraphs, elements } = await unpack({ ...meeting, decisions: long.join('\n') });
		const kept = elements.map((e) => e.includes('<w:keepNext/>'));
		const first = paragraphs.indexOf('1.\tЧечимдин 1-пункту.');
		expect(kept[first]).toBe(false);
		expect(kept.slice(paragraphs.indexOf('17.\tЧечимдин 17-пункту.'), -1).every(Boolean)).toBe(
			true
		);
	});

	it('numbers the pages in the footer, but not the first', async () => {
		const { document, files } = await unpack(meeting);
		expect(document).toContain('<w:titlePg/>');
		const footers = Object.keys(files)
			.filter((name) => /^word\/footer\d+\.xml$/.test(name))
			.map((name) => strFromU8(files[name]!));
		expect(
			footers.some((footer) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(footer))
		).toBe(true);
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

	it('renders an empty meeting with the heading and no empty sections', async () => {
		const { files, paragraphs, text } = await unpack({
			language: 'ru',
			schoolName: school,
			city: '',
			date: '25 ноября 2026 г.',
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
		expect(text).toContain('№3 ПРОТОКОЛУ');
		expect(paragraphs).toContain('\t25 ноября 2026 г.');
		expect(paragraphs).toContain('Катышкандар: 0');
		for (const label of [
			labels.time,
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

	it('lists the decisions taken by vote after the agenda items, in protocol style', async () => {
		const { document, text, paragraphs } = await unpack({ ...meeting, votes });
		inOrder(text, [
			`2. ${secondItem}\nУГУЛДУ:`,
			'График бекитилсин.',
			'Добуш берүү менен кабыл алынган чечимдер:',
			'Чечим №4. Ачык сабактардын графигин бекитебизби?\nТОКТОМ КЫЛАТ:',
			'Ачык сабактардын графиги бекитилсин.\nГрафик мектептин сайтына жарыялансын.',
			'Добуш берүүнүн жыйынтыгы: «макул» — 7, «каршы» — 2, «калыс» — 1.',
			'Добуш берүү укугу барлар — 12, добуш бергендер — 10. Кворум бар',
			'Чечим кабыл алынды.',
			'Чечим №5. Семинардын темасын тандаңыз <b>&</b>\nДобуш берүүнүн жыйынтыгы: «Сын ойлом» — 6',
			'Көпчүлүк добуш менен тандалды: «Сын ойлом».',
			'Кошумча маалымат:',
			'Отурумдун чечимдери:'
		]);
		// A decision not worded yet has no DECIDED of its own.
		expect(paragraphs.filter((p) => p === 'ТОКТОМ КЫЛАТ:')).toHaveLength(3);
		expect(document).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
		expect(paragraphs.slice(-4)).toEqual(signatures);
	});

	it('keeps the last vote with the signatures when it is the last decision', async () => {
		const { paragraphs, elements } = await unpack({ ...meeting, notes: '', decisions: '', votes });
		const from = paragraphs.indexOf('Чечим №5. Семинардын темасын тандаңыз <b>&</b>');
		expect(paragraphs[from + 3]).toBe('Көпчүлүк добуш менен тандалды: «Сын ойлом».');
		expect(paragraphs[from + 4]).toBe(signatures[0]);
		for (const element of elements.slice(from, -1)) expect(element).toContain('<w:keepNext/>');
	});

	it('has no section of decisions by vote when none were linked to the meeting', async () => {
		for (const data of [meeting, { ...meeting, votes: [] }]) {
			const { text } = await unpack(data);
			expect(text).not.toContain(`${labels.votes}:`);
			expect(text).not.toContain('Чечим №');
		}
	});
});

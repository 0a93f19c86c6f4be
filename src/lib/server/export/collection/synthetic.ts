// A made-up collection for benchmarks and tests: Kyrgyz text (with ң ө ү), about two A4 pages
// per material with headings, lists, a table, a quote and, every tenth material, a picture.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { BlobNotFoundError } from '../../storage/types.js';
import {
	EDITION_IMAGE,
	type AuthorsIndexEntry,
	type CollectionImage,
	type CollectionItemModel,
	type CollectionLanguage,
	type CollectionModel,
	type CollectionSectionModel,
	type ImageSource
} from './model.js';

export interface SyntheticOptions {
	/** Pictures every tenth material (default true). */
	images?: boolean;
	/** Paragraph count multiplier of each body (default 1). */
	bodyScale?: number;
	language?: CollectionLanguage;
	/** Seed of the pseudo-random choices (default 1). */
	seed?: number;
}

export interface SyntheticCollection {
	model: CollectionModel;
	/** Picture bytes by blob key. */
	images: Map<string, Uint8Array>;
	readImage: ImageSource;
}

const SENTENCES = [
	'Сабактын максаты — окуучулардын функционалдык сабаттуулугун өнүктүрүү жана алган билимин турмушта колдонууга үйрөтүү.',
	'Мугалим окуучуларды төрт топко бөлүп, ар бир топко өзүнчө тапшырма берет.',
	'Окуучулар текстти үнүн чыгарбай окуп, андагы негизги ойду өз сөздөрү менен айтып беришет.',
	'Бул ыкма окуучулардын сын көз караш менен ой жүгүртүүсүн жана өз пикирин далилдөө көндүмүн калыптандырат.',
	'Сабактын жыйынтыгында ар бир окуучу үйрөнгөнүн кыскача жазып, жанындагы шеригине түшүндүрөт.',
	'Үй тапшырмасы катары окуучулар турмуштук мисалдарга таянып, кыскача дил баян жазышат.',
	'Көрсөтмө куралдар жана таблицалар сабактын таасирдүүлүгүн бир кыйла жогорулатат.',
	'Мугалим баалоо критерийлерин сабактын башында эле окуучуларга түшүндүрүп берет.',
	'Топтук иш окуучулардын өз ара кызматташуусун жана жоопкерчилигин өркүндөтөт.',
	'Окуучулардын жаңы сөздөрдү туура колдонушуна жана сүйлөмдү так түзүшүнө өзгөчө көңүл бурулат.',
	'Ар бир этаптын аягында мугалим кайтарым байланыш берип, кетирилген каталарды бирге талдашат.',
	'Өз алдынча иштөөгө берилген убакыт окуучулардын жаш өзгөчөлүгүнө жараша белгиленет.',
	'Сабакта маалыматтык-коммуникациялык технологиялар да ийкемдүү колдонулат.',
	'Ата-энелер менен биргеликте уюштурулган иш-чаралар окуучулардын кызыгуусун арттырат.',
	'Мектептин китепканасындагы адабияттар кошумча булак катары пайдаланылат.',
	'Окуучулар өз ойлорун эркин айтышып, бири-биринин пикирин урматтоого үйрөнүшөт.',
	'Көнүгүүлөр жеңилден татаалга карай ырааттуу түзүлгөн.',
	'Сабактын ушул түрү чыгармачыл топтун жыйынында талкууланып, жактырылган.',
	'Түшүнүктөрдү бышыктоо үчүн мугалим кыска тест жана оозеки суроолорду колдонот.',
	'Өңүттүү, түшүнүктүү жана жөнөкөй тапшырмалар окуучулардын ишенимин бекемдейт.'
];

const TOPICS = [
	'Жаратылыш жана адам',
	'Өлчөө бирдиктери',
	'Менин туулган жерим',
	'Сөз түркүмдөрү',
	'Бөлчөктөр менен амалдар',
	'Суунун айлануусу',
	'Манас эпосундагы баатырлар',
	'Үй-бүлө жана салттар',
	'Өсүмдүктөрдүн түзүлүшү',
	'Геометриялык фигуралар',
	'Кыргыз элинин оюу-чийүүлөрү',
	'Энергияны үнөмдөө',
	'Санариптик коопсуздук',
	'Үндүү тыбыштардын үндөшүүсү',
	'Тең салмактуулук жана күч',
	'Жол эрежелери',
	'Ден соолук жана туура тамактануу',
	'Улуу Жибек жолу',
	'Маалыматты издөө жана баалоо',
	'Чыгармачыл жазуу'
];

const KINDS = [
	'Сабактын иштелмеси',
	'Класстан тышкаркы иш',
	'Методикалык сунуш',
	'Тапшырмалар топтому'
];

const SECTIONS = [
	'Башталгыч класстар',
	'Кыргыз тили жана адабияты',
	'Математика жана информатика',
	'Табигый илимдер',
	'Тарых жана коом таануу',
	'Тарбия иштери'
];

const SUBJECTS = [
	'Кыргыз тили',
	'Адабият',
	'Математика',
	'Биология',
	'Тарых',
	'Информатика',
	'Физика'
];

const NAMES = [
	'Асанова Гүлнара',
	'Бекмаматов Нурлан',
	'Токтогулова Айгүл',
	'Жээнбеков Өмүрбек',
	'Сыдыкова Мөлдүр',
	'Үсөнова Чолпон',
	'Намазбеков Эрмек',
	'Кадырова Бүбүсара',
	'Өмүрова Назгүл',
	'Маматов Үмөт',
	'Абдыкадырова Жылдыз',
	'Турдубаев Нурбек',
	'Ысмаилова Айнура',
	'Шаршенов Төлөн',
	'Эркинбаева Гүлзат',
	'Осмонов Бакыт',
	'Курманбекова Сайкал',
	'Дөөлөтов Азамат',
	'Рыспаева Мээрим',
	'Байтиков Көкүл'
];

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A PNG picture (800 × 500) with colour bands that differ from one index to the next. */
async function picture(index: number): Promise<Uint8Array> {
	const width = 800;
	const height = 500;
	const pixels = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const offset = (y * width + x) * 3;
			pixels[offset] = (x * 255) / width;
			pixels[offset + 1] = ((y + index * 37) * 255) / height;
			pixels[offset + 2] = (Math.floor(x / 100) * 40 + index * 53) % 256;
		}
	}
	return new Uint8Array(
		await sharp(pixels, { raw: { width, height, channels: 3 } })
			.png()
			.toBuffer()
	);
}

const LABELS_KY = {
	contents: 'Мазмуну',
	preface: 'Кириш сөз',
	authorsIndex: 'Авторлордун көрсөткүчү',
	editors: 'Түзүүчүлөр',
	reviewers: 'Рецензенттер',
	authors: 'Авторлору',
	type: 'Материалдын түрү',
	subjects: 'Предметтер',
	grades: 'Класстар',
	abstract: 'Аннотация',
	note: 'Редактордун эскертүүсү',
	edition: '2-басылышы',
	groupLine: '«Функционалдык сабаттуулук» чыгармачыл тобу',
	emptyBody: 'Материалдын тексти жок.',
	results: 'Апробациянын натыйжалары'
};

export async function syntheticCollection(
	materials: number,
	options: SyntheticOptions = {}
): Promise<SyntheticCollection> {
	const next = random(options.seed ?? 1);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	const sentences = (count: number) =>
		Array.from({ length: count }, () => pick(SENTENCES)).join(' ');
	const scale = options.bodyScale ?? 1;
	const paragraphs = (count: number, sentencesEach: number) =>
		Array.from(
			{ length: Math.max(1, Math.round(count * scale)) },
			() => `<p>${sentences(sentencesEach)}</p>`
		).join('');

	const images = new Map<string, Uint8Array>();
	const collectionImages: CollectionImage[] = [];
	const sectionCount = Math.min(SECTIONS.length, Math.max(1, Math.ceil(materials / 4)));
	const sections: CollectionSectionModel[] = Array.from({ length: sectionCount }, (_, index) => ({
		title: SECTIONS[index] as string,
		intro: [sentences(3)],
		items: []
	}));
	const index = new Map<string, number[]>();

	for (let n = 1; n <= materials; n++) {
		const topic = TOPICS[(n - 1) % TOPICS.length] as string;
		const grade = 1 + ((n * 7) % 11);
		const authors = [pick(NAMES)];
		if (next() < 0.4) authors.push(pick(NAMES.filter((name) => !authors.includes(name))));
		for (const author of authors) index.set(author, [...(index.get(author) ?? []), n]);

		let pictureHtml = '';
		if ((options.images ?? true) && n % 10 === 0) {
			const bytes = await picture(n);
			const key = createHash('sha256').update(bytes).digest('hex');
			images.set(key, bytes);
			collectionImages.push({ key, mime: 'image/png' });
			pictureHtml = `<p><img src="${EDITION_IMAGE}${key}" alt="Сүрөт ${n}"></p>`;
		}
		const rows = Array.from(
			{ length: 4 },
			(_, row) =>
				`<tr><td>${row + 1}-этап</td><td>${5 + row * 5} мүнөт</td><td>${sentences(1)}</td></tr>`
		).join('');
		const bodyHtml = [
			'<h2>Сабактын максаттары</h2>',
			paragraphs(2, 4),
			`<ul>${Array.from({ length: 4 }, () => `<li>${pick(SENTENCES)}</li>`).join('')}</ul>`,
			'<h2>Сабактын жүрүшү</h2>',
			paragraphs(2, 5),
			`<ol>${Array.from({ length: 5 }, () => `<li><p>${pick(SENTENCES)}</p></li>`).join('')}</ol>`,
			'<h3>Топтук иш</h3>',
			`<p>${sentences(2)} <strong>${pick(SENTENCES)}</strong> <em>${pick(SENTENCES)}</em> ` +
				`Кошумча маалымат: <a href="https://example.org/ustat/${n}">example.org</a>.</p>`,
			`<table><tbody><tr><th>Этап</th><th>Убакыт</th><th>Иш-аракет</th></tr>${rows}</tbody></table>`,
			paragraphs(1, 5),
			pictureHtml,
			`<blockquote><p>${sentences(2)}</p></blockquote>`,
			'<h2>Жыйынтык</h2>',
			paragraphs(1, 4)
		].join('\n');

		const item: CollectionItemModel = {
			number: n,
			materialId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
			versionNumber: 1 + (n % 3),
			title: `${topic}: ${KINDS[n % KINDS.length]} (${grade}-класс, №${n})`,
			authors,
			type: KINDS[n % KINDS.length] as string,
			subjects: [pick(SUBJECTS)],
			grades: `${grade}`,
			language: options.language ?? 'ky',
			abstract: [sentences(3)],
			note: n % 4 === 0 ? [sentences(2)] : [],
			bodyHtml
		};
		const section = sections[Math.floor(((n - 1) * sectionCount) / materials)];
		section?.items.push(item);
	}

	const authorsIndex: AuthorsIndexEntry[] = [...index.entries()]
		.map(([name, items]) => ({ name, items }))
		.sort((a, b) => a.name.localeCompare(b.name, 'ky'));

	const model: CollectionModel = {
		language: options.language ?? 'ky',
		edition: 2,
		title: 'Функционалдык сабаттуулукту өнүктүрүү: мыкты тажрыйбалар',
		subtitle: 'Мугалимдердин чыгармачыл тобунун методикалык жыйындысы',
		year: 2026,
		city: 'Бишкек',
		school: '№ 5 Үмүт орто мектеби',
		group: 'Функционалдык сабаттуулук',
		editors: ['Асанова Гүлнара', 'Өмүрова Назгүл'],
		reviewers: ['Маматов Үмөт, педагогика илимдеринин кандидаты'],
		approval:
			'Мектептин педагогикалык кеңешинин 2026-жылдын 20-майындагы №5 чечими менен басмага сунушталды.',
		preface: [sentences(4), sentences(3)],
		sections,
		authorsIndex,
		images: collectionImages,
		labels: LABELS_KY
	};
	const readImage: ImageSource = async (key) => {
		const bytes = images.get(key);
		if (!bytes) throw new BlobNotFoundError(key);
		return new Uint8Array(bytes); // a copy: the renderer may hand its buffer over to a worker
	};
	return { model, images, readImage };
}

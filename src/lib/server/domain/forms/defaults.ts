import type { FormField, FormPurpose } from './fields';

// The forms shipped with the product (../shared/REFERENCE.md: the typical lesson-observation
// criteria of Kyrgyz and Russian school practice). Their texts live here, not in the message
// catalog: once a group adopts one, it is the group's data, edited by its leader.

export type FormLocale = 'ky' | 'ru' | 'en';
type Text = Record<FormLocale, string>;

interface DefaultField {
	key: string;
	type: FormField['type'];
	label: Text;
	help?: Text;
	required?: boolean;
	options?: Text[];
	scaleMax?: 5 | 10;
	minLabel?: Text;
	maxLabel?: Text;
}

interface DefaultForm {
	title: Text;
	description: Text;
	fields: DefaultField[];
}

const weak: Text = { ky: 'Начар', ru: 'Слабо', en: 'Weak' };
const excellent: Text = { ky: 'Мыкты', ru: 'Отлично', en: 'Excellent' };

/** A 1–5 criterion of the observation sheet. */
const criterion = (key: string, label: Text, help?: Text): DefaultField => ({
	key,
	type: 'scale',
	label,
	help,
	required: true,
	scaleMax: 5,
	minLabel: weak,
	maxLabel: excellent
});

const defaults: Record<FormPurpose, DefaultForm> = {
	observation_sheet: {
		title: {
			ky: 'Сабакка байкоо баракчасы',
			ru: 'Лист наблюдения урока',
			en: 'Lesson observation sheet'
		},
		description: {
			ky: 'Апробациянын сабагына катышкан кесиптеш толтурат (объективдүү көзөмөл). Ар бир критерий 1-ден 5-ке чейинки шкала боюнча бааланат.',
			ru: 'Заполняет коллега, посетивший урок апробации (объективный контроль). Каждый критерий оценивается по шкале от 1 до 5.',
			en: 'Filled in by a colleague who attended a lesson of the approbation (objective monitoring). Each criterion is scored from 1 to 5.'
		},
		fields: [
			{
				key: 'lessonDate',
				type: 'date',
				label: { ky: 'Сабактын күнү', ru: 'Дата урока', en: 'Date of the lesson' },
				required: true
			},
			{
				key: 'topic',
				type: 'short_text',
				label: { ky: 'Сабактын темасы', ru: 'Тема урока', en: 'Topic of the lesson' }
			},
			criterion(
				'goals',
				{
					ky: 'Максат жана милдеттер коюлуп, аткарылды',
					ru: 'Цель и задачи поставлены и достигнуты',
					en: 'Goal and tasks set and reached'
				},
				{
					ky: 'Окуучуларга түшүнүктүү болдубу, сабактын аягында аткарылдыбы.',
					ru: 'Понятны ли они ученикам, достигнуты ли к концу урока.',
					en: 'Were they clear to the pupils, were they reached by the end of the lesson.'
				}
			),
			criterion('content', {
				ky: 'Мазмуну окуу программасына шайкеш',
				ru: 'Содержание соответствует программе',
				en: 'Content fits the programme'
			}),
			criterion(
				'methods',
				{
					ky: 'Иштин методдору жана формалары',
					ru: 'Методы и формы работы',
					en: 'Methods and forms of work'
				},
				{
					ky: 'Фронталдык, топтук, жекече иш.',
					ru: 'Фронтальная, групповая, индивидуальная работа.',
					en: 'Frontal, group and individual work.'
				}
			),
			criterion('activity', {
				ky: 'Окуучулардын өз алдынча иши жана активдүүлүгү',
				ru: 'Самостоятельная работа и активность учеников',
				en: "Pupils' independent work and activity"
			}),
			criterion('practice', {
				ky: 'Практикалык багыттуулугу',
				ru: 'Практическая направленность',
				en: 'Practical focus'
			}),
			criterion(
				'organisation',
				{
					ky: 'Сабакты уюштуруу',
					ru: 'Организация урока',
					en: 'Organisation of the lesson'
				},
				{
					ky: 'Даярдык, сабактын башталышы, убакытты пайдалануу, класс менен байланыш.',
					ru: 'Готовность, начало урока, использование времени, контакт с классом.',
					en: 'Readiness, the start, use of time, contact with the class.'
				}
			),
			criterion('assessment', {
				ky: 'Баалоо жана кайтарым байланыш',
				ru: 'Оценивание и обратная связь',
				en: 'Assessment and feedback'
			}),
			criterion('style', {
				ky: 'Мугалимдин иш стили',
				ru: 'Стиль работы учителя',
				en: "Teacher's style"
			}),
			{
				key: 'comments',
				type: 'long_text',
				label: { ky: 'Байкоолор', ru: 'Комментарии', en: 'Comments' }
			},
			{
				key: 'conclusion',
				type: 'long_text',
				label: {
					ky: 'Корутунду жана сунуштамалар',
					ru: 'Выводы и рекомендации',
					en: 'Conclusions and proposals'
				},
				required: true
			}
		]
	},
	approbation_report: {
		title: {
			ky: 'Апробация боюнча отчёт',
			ru: 'Отчёт об апробации',
			en: 'Approbation report'
		},
		description: {
			ky: 'Материалды же идеяны сабакта сынап көргөн мүчө толтурат. Окуучулардын аты жазылбайт: жалпы көрсөткүчтөр гана.',
			ru: 'Заполняет член группы, апробировавший материал или идею на уроках. Имена учеников не указываются: только общие показатели.',
			en: 'Filled in by the member who tried the material or idea in class. No pupil is named: aggregate figures only.'
		},
		fields: [
			{
				key: 'tried',
				type: 'long_text',
				label: {
					ky: 'Эмне сыналды',
					ru: 'Что апробировалось',
					en: 'What was tried'
				},
				help: {
					ky: 'Кайсы сабактарда, кандай формада колдонулду.',
					ru: 'На каких уроках, в какой форме применялось.',
					en: 'In which lessons and in what form it was used.'
				},
				required: true
			},
			{
				key: 'wentWell',
				type: 'long_text',
				label: { ky: 'Эмне ийгиликтүү болду', ru: 'Что получилось', en: 'What went well' }
			},
			{
				key: 'difficulties',
				type: 'long_text',
				label: { ky: 'Кыйынчылыктар', ru: 'Трудности', en: 'Difficulties' }
			},
			{
				key: 'reaction',
				type: 'scale',
				label: {
					ky: 'Окуучулардын кабыл алуусу',
					ru: 'Реакция учеников',
					en: "Pupils' reaction"
				},
				scaleMax: 5,
				minLabel: { ky: 'Терс', ru: 'Отрицательная', en: 'Negative' },
				maxLabel: { ky: 'Абдан оң', ru: 'Очень положительная', en: 'Very positive' },
				required: true
			},
			{
				key: 'recommendation',
				type: 'single_choice',
				label: { ky: 'Сунуштама', ru: 'Рекомендация', en: 'Recommendation' },
				options: [
					{
						ky: 'Кесиптештерге сунушталат',
						ru: 'Рекомендую коллегам',
						en: 'Recommended to colleagues'
					},
					{
						ky: 'Өзгөртүүлөр менен сунушталат',
						ru: 'Рекомендую с изменениями',
						en: 'Recommended with changes'
					},
					{ ky: 'Сунушталбайт', ru: 'Не рекомендую', en: 'Not recommended' }
				],
				required: true
			},
			{
				key: 'evidence',
				type: 'file',
				label: {
					ky: 'Далилдер (сүрөттөр, окуучулардын иштеринин үлгүлөрү)',
					ru: 'Подтверждения (фото, образцы работ учеников)',
					en: "Evidence (photos, samples of pupils' work)"
				},
				help: {
					ky: 'Окуучулардын жүзү жана аты көрүнбөсүн.',
					ru: 'Без лиц и имён учеников.',
					en: "No pupils' faces or names."
				}
			}
		]
	},
	questionnaire: {
		title: {
			ky: 'Методикалык жардамга муктаждык',
			ru: 'Потребность в методической помощи',
			en: 'Needs for methodological help'
		},
		description: {
			ky: 'Топтун кийинки жылдагы ишин пландоо үчүн кыска сурамжылоо.',
			ru: 'Короткий опрос для планирования работы группы на следующий год.',
			en: "A short survey to plan the group's work for next year."
		},
		fields: [
			{
				key: 'topics',
				type: 'multiple_choice',
				label: {
					ky: 'Кайсы темалар боюнча жардам керек?',
					ru: 'По каким темам нужна помощь?',
					en: 'Which topics do you need help with?'
				},
				options: [
					{
						ky: 'Калыптандыруучу баалоо',
						ru: 'Формативное оценивание',
						en: 'Formative assessment'
					},
					{
						ky: 'Дифференцияланган окутуу',
						ru: 'Дифференцированное обучение',
						en: 'Differentiated instruction'
					},
					{
						ky: 'Санариптик куралдар',
						ru: 'Цифровые инструменты',
						en: 'Digital tools'
					},
					{ ky: 'Долбоордук окутуу', ru: 'Проектное обучение', en: 'Project-based learning' },
					{
						ky: 'Функционалдык сабаттуулук',
						ru: 'Функциональная грамотность',
						en: 'Functional literacy'
					},
					{
						ky: 'Инклюзивдик билим берүү',
						ru: 'Инклюзивное образование',
						en: 'Inclusive education'
					}
				],
				required: true
			},
			{
				key: 'formats',
				type: 'multiple_choice',
				label: {
					ky: 'Кайсы формалар сизге ыңгайлуу?',
					ru: 'Какие формы удобны?',
					en: 'Which formats suit you?'
				},
				options: [
					{ ky: 'Семинар', ru: 'Семинар', en: 'Seminar' },
					{ ky: 'Мастер-класс', ru: 'Мастер-класс', en: 'Master class' },
					{ ky: 'Ачык сабак', ru: 'Открытый урок', en: 'Open lesson' },
					{ ky: 'Насаатчылык', ru: 'Наставничество', en: 'Mentoring' },
					{
						ky: 'Материалдар боюнча өз алдынча үйрөнүү',
						ru: 'Самостоятельно по материалам',
						en: 'Self-study with materials'
					}
				]
			},
			{
				key: 'readiness',
				type: 'scale',
				label: {
					ky: 'Өз тажрыйбаңызды кесиптештерге көрсөтүүгө даярдыгыңыз',
					ru: 'Готовность показать свой опыт коллегам',
					en: 'Readiness to show your experience to colleagues'
				},
				scaleMax: 5,
				minLabel: { ky: 'Даяр эмесмин', ru: 'Не готов(а)', en: 'Not ready' },
				maxLabel: { ky: 'Толук даярмын', ru: 'Полностью готов(а)', en: 'Fully ready' },
				required: true
			},
			{
				key: 'comment',
				type: 'long_text',
				label: { ky: 'Кошумча пикир', ru: 'Комментарий', en: 'Comment' }
			}
		]
	}
};

/** A shipped default form in one language, ready to adopt (or to show before adopting). */
export function defaultForm(
	purpose: FormPurpose,
	locale: FormLocale
): { title: string; description: string; fields: FormField[] } {
	const form = defaults[purpose];
	return {
		title: form.title[locale],
		description: form.description[locale],
		fields: form.fields.map((f) => toField(f, locale))
	};
}

function toField(f: DefaultField, locale: FormLocale): FormField {
	const common = {
		key: f.key,
		label: f.label[locale],
		help: f.help?.[locale] ?? '',
		required: f.required ?? false
	};
	switch (f.type) {
		case 'scale':
			return {
				...common,
				type: 'scale',
				scaleMax: f.scaleMax ?? 5,
				minLabel: f.minLabel?.[locale] ?? '',
				maxLabel: f.maxLabel?.[locale] ?? ''
			};
		case 'single_choice':
		case 'multiple_choice':
			return { ...common, type: f.type, options: (f.options ?? []).map((o) => o[locale]) };
		case 'number':
			return { ...common, type: 'number', unit: '', min: null, max: null, decimals: 0 };
		default:
			return { ...common, type: f.type };
	}
}

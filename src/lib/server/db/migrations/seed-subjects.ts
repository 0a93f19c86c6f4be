import type { Kysely } from 'kysely';

// The subject list of docs/reference.md; the operator can extend it later. Russian names are
// partly unverified there, so they stay editable data, not code.
const subjects: [id: string, ky: string, ru: string, en: string][] = [
	[
		'kyrgyz-language-reading',
		'Кыргыз тили жана окуу',
		'Кыргызский язык и чтение',
		'Kyrgyz language and reading'
	],
	['kyrgyz-language', 'Кыргыз тили', 'Кыргызский язык', 'Kyrgyz language'],
	['kyrgyz-literature', 'Кыргыз адабияты', 'Кыргызская литература', 'Kyrgyz literature'],
	['russian-language', 'Орус тили', 'Русский язык', 'Russian language'],
	['russian-literature', 'Орус адабияты', 'Русская литература', 'Russian literature'],
	[
		'english',
		'Чет тили (англис тили)',
		'Иностранный язык (английский)',
		'Foreign language (English)'
	],
	['mathematics', 'Математика', 'Математика', 'Mathematics'],
	['algebra', 'Алгебра', 'Алгебра', 'Algebra'],
	['geometry', 'Геометрия', 'Геометрия', 'Geometry'],
	['homeland-studies', 'Мекен таануу', 'Родиноведение', 'Homeland studies'],
	['nature-study', 'Табият таануу', 'Природоведение', 'Nature study'],
	[
		'natural-sciences',
		'Табигый илимдер – Мен жана дүйнө',
		'Естественные науки — Я и мир',
		'Natural sciences — Me and the world'
	],
	['history', 'Тарых', 'История', 'History'],
	['person-society', 'Адам жана коом', 'Человек и общество', 'Person and society'],
	['physics', 'Физика', 'Физика', 'Physics'],
	['astronomy', 'Астрономия', 'Астрономия', 'Astronomy'],
	['chemistry', 'Химия', 'Химия', 'Chemistry'],
	['biology', 'Биология', 'Биология', 'Biology'],
	['geography', 'География', 'География', 'Geography'],
	['computer-science', 'Информатика', 'Информатика', 'Computer science'],
	['technology', 'Технология', 'Технология', 'Technology'],
	['art', 'Көркөм өнөр', 'Изобразительное искусство', 'Art'],
	['music', 'Музыка', 'Музыка', 'Music'],
	['physical-education', 'Дене тарбия', 'Физическая культура', 'Physical education'],
	[
		'life-safety',
		'Турмуш-тиричилик коопсуздугунун негиздери',
		'Основы безопасности жизнедеятельности',
		'Everyday-life safety'
	],
	[
		'history-of-religions',
		'Диндердин өнүгүү тарыхы',
		'История развития религий',
		'History of religions'
	],
	[
		'primary-general',
		'Башталгыч класстар (жалпы)',
		'Начальные классы (общее)',
		'Primary grades (general)'
	],
	['upbringing', 'Тарбиялык иш', 'Воспитательная работа', 'Pastoral / upbringing work']
];

export async function seedSubjects(db: Kysely<unknown>): Promise<void> {
	await (db as Kysely<Record<string, Record<string, unknown>>>)
		.insertInto('subjects')
		.values(
			subjects.map(([id, ky, ru, en], index) => ({
				id,
				name_ky: ky,
				name_ru: ru,
				name_en: en,
				position: (index + 1) * 10
			}))
		)
		.execute();
}

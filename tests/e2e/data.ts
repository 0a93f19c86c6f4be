import { ky } from './helpers';

// The people and the content the browser tests share: a Kyrgyz school, its admin, the
// teacher who leads the group and the colleague who joins it. Each test seeds what it needs
// of them on its own fresh server (seed.ts); the texts are typed as a teacher would.

export interface Person {
	fullName: string;
	email: string;
	password: string;
}

export const school = {
	name: 'Ысык-Көл облусундагы Үмөт атындагы №3 мектеп',
	region: ky.region_kg_y,
	regionCode: 'KG-Y',
	city: 'Каракол'
};
export const admin: Person = {
	fullName: 'Айгүл Өмүрбекова',
	email: 'aigul@mektep.kg',
	password: 'ала-тоонун үстүндө үч булут'
};
/** The teacher the admin appoints leader of the group. */
export const teacher: Person = {
	fullName: 'Нурлан Үсөнов',
	email: 'nurlan@mektep.kg',
	password: 'Ысык-Көлдүн суусу тунук 7'
};
/** The second teacher, who asks to join the group. */
export const colleague: Person = {
	fullName: 'Гүлнара Төлөгөнова',
	email: 'gulnara@mektep.kg',
	password: 'Таң атканда Нарында 9'
};

export const group = {
	name: 'Функционалдык сабаттуулук',
	theme: 'Окуучулардын функционалдык сабаттуулугун өнүктүрүүнүн жаңы жолдору',
	problem: 'Окуучулар окуган текстин түшүнүп, күнүмдүк турмушта колдоно албай жатышат.',
	// The leader's edit adds two words in the middle of the theme.
	addedWords: 'долбоорлор аркылуу',
	editedTheme:
		'Окуучулардын функционалдык сабаттуулугун долбоорлор аркылуу өнүктүрүүнүн жаңы жолдору'
};
/** Why the colleague asks to join. */
export const motivation = 'Башталгыч класста окуу сабаттуулугу боюнча тажрыйбамды бөлүшкүм келет.';
/** Why the admin asks to join (to vote with the group). */
export const adminMotivation =
	'Мектептин администрациясынан топтун ишине катышып, добуш бергим келет.';

/** The agenda item of the group's first meeting. */
export const agendaItem = {
	title: 'Күзгү ачык сабактардын жаңы графиги жөнүндө',
	heard: 'Нурлан Үсөнов ар бир мугалим бир ачык сабак өтөөрүн айтты.',
	decided: 'Графикти бекитүү; ачык сабактар ноябрь айында өтөт.'
};

/** The colleague's lesson plan (§3.3), with a PDF and a Word file. */
export const material = {
	title: 'Мекен таануу: Теңир-Тоонун өсүмдүктөрү жана үй жаныбарлары',
	subject: 'Мекен таануу',
	abstract: 'Окуучулар жергиликтүү өсүмдүктөрдү таанып, аларды топтор менен сүрөттөшөт.',
	heading: 'Сабактын максаты',
	paragraph: 'Окуучулар Теңир-Тоонун өсүмдүктөрү жөнүндө маалымат табышат.',
	bold: 'маанилүү',
	tags: 'мекен таануу, өсүмдүктөр, үй жаныбарлары',
	/** The tags after the Word import (the file's name is added as a tag by the teacher). */
	importTags: 'мекен таануу, өсүмдүктөр, үй жаныбарлары, Ата-мекен',
	revisedAbstract:
		'Окуучулар жергиликтүү өсүмдүктөрдү таанып, аларды топтор менен сүрөттөшөт жана сүрөт тартышат.',
	reviewComment: 'Планы жакшы, бирок баалоо бөлүгүн кошуңуз.',
	reviewNote: 'Топтун темасына толук шайкеш.',
	revisionReason: 'Баалоо критерийлерин кошуңуз.',
	acceptReason: 'Баалоо бөлүгү кошулду, жыйнакка кабыл алынды.'
};
export const pdfName = 'өсүмдүктөр-тизмеси.pdf';
export const docxName = 'сабактын-планы.docx';
export const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A second accepted material, so that a collection has two. */
export const worksheet = {
	title: 'Ысык-Көлдүн жаныбарлары: өз алдынча иш баракчасы',
	abstract: 'Окуучулар сүрөт боюнча жаныбарлардын аттарын жазып, суроолорго жооп беришет.',
	body: 'Тапшырма: ар бир сүрөттүн астына жаныбардын атын жазыңыз.',
	acceptReason: 'Иш баракчасы сабакка даяр, жыйнакка кабыл алынды.'
};

/** A file to upload: set on an `<input type=file>`, as a user picking it would. */
export function upload(name: string, mimeType: string, bytes: Uint8Array) {
	return { name, mimeType, buffer: Buffer.from(bytes) };
}

/** A one-page PDF with one line of Latin text. */
export function tinyPdf(text = 'Ustat'): Uint8Array {
	const content = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(out);
}

/** The colleague's proposal (§3.3, §3.5), its discussion and the decision taken on it. */
export const proposal = {
	kind: 'forms_of_work',
	kindLabel: ky.proposal_kind_forms_of_work,
	title: 'Өз ара ачык сабактарды талдоонун жаңы үлгүсү',
	body: 'Ар бир мүчө айына бир ачык сабак өтөт, калгандары аны чогуу талдашат.\nТалдоонун жыйынтыгы топтун жыйынында бекитилет.',
	analysis:
		'Сунуш топтун темасына шайкеш. Тобокелдик: мугалимдердин убактысы аз, графикти алдын ала түзүү керек.',
	post: 'Бул сунушту колдойм. @Нурлан Үсөнов, графикти ким түзөт?',
	reply: 'Графикти мен түзөм жана жыйынга чейин баарыңарга жөнөтөм.',
	edited: 'Бул сунушту колдойм. @Нурлан Үсөнов, графикти ким түзөт? Мен октябрдан баштай алам.',
	decision:
		'Өз ара ачык сабактарды талдоонун жаңы үлгүсү кабыл алынсын; график ноябрь айында бекитилет.'
};
export const proposalPdfName = 'сунуштун-негиздемеси.pdf';
export const proposalPdf = tinyPdf('Ustat: sunush');

/** The group's methodological collection (§3.5, §6) of the plan and the worksheet. */
export const collection = {
	// ң, ө and ү: the letters beyond Russian Cyrillic must reach the Word file and the PDF.
	title: 'Теңир-Тоону таануу сабактарында функционалдык сабаттуулукту өнүктүрүү',
	subtitle: 'Мугалимдер үчүн методикалык колдонмо',
	reviewers: ['Б. Асанова, п.и.к., доцент', 'Ч. Төлөнова, Каракол шаардык билим берүү бөлүмү'],
	preface:
		'Жыйнакка топтун мүчөлөрү түзгөн жана топ кабыл алган материалдар кирди.\nАларды башталгыч класстарда колдонууга болот.',
	sections: [
		{
			title: 'Сабактын пландары',
			intro: 'Бул бөлүмдөгү пландар бир сабакка эсептелген.'
		},
		{ title: 'Өз алдынча иштер үчүн материалдар', intro: '' }
	] as const,
	note: 'Планды 3–4-класстарда эки саатка бөлүп өтүүгө болот.',
	decision: 'Жыйнактын 1-басылышы бекитилсин жана мектептин методикалык кеңешине сунушталсын.'
};
/** The options of "A material the group accepted": title — author (type). */
export const planOption = `${material.title} — ${colleague.fullName} (${ky.material_type_didactic})`;
export const worksheetOption = `${worksheet.title} — ${colleague.fullName} (${ky.material_type_didactic})`;

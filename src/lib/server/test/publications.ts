import { createHash } from 'node:crypto';
import { newId } from '../db/ids';
import type { DB } from '../db/types';
import { asId, type CollectionEditionId } from '../domain/ids';
import type { CollectionModel } from '../export/collection/model';
import type { BlobStore } from '../storage/types';

/**
 * An approved edition of a new collection with one item, written straight into the tables
 * with a small PDF and DOCX: compiling and approving are tested with collections, and take
 * seconds that tests of what comes after (publishing) need not spend.
 */
export async function insertApprovedEdition(
	db: DB,
	store: BlobStore,
	the: { groupId: string; editorId: string; materialId: string; title: string; body: string }
): Promise<CollectionEditionId> {
	const collectionId = newId();
	const editionId = asId<CollectionEditionId>(newId());
	const now = new Date();
	await db
		.insertInto('collections')
		.values({
			id: collectionId,
			groupId: the.groupId,
			title: 'Тажрыйбадан: жыйынды',
			subtitle: 'Методикалык жыйынды',
			year: 2026,
			language: 'ky',
			city: 'Каракол',
			approvalNote: '',
			preface: 'Топтун тажрыйбасы.',
			reviewers: '[]',
			createdBy: the.editorId,
			createdAt: now,
			updatedAt: now
		})
		.execute();
	await db
		.insertInto('collectionEditors')
		.values({ collectionId, userId: the.editorId, position: 0 })
		.execute();
	const model = {
		language: 'ky',
		edition: 1,
		title: 'Тажрыйбадан: жыйынды',
		subtitle: 'Методикалык жыйынды',
		year: 2026,
		city: 'Каракол',
		school: 'Мектеп',
		group: 'Топ',
		editors: [],
		reviewers: [],
		approval: '',
		preface: ['Топтун тажрыйбасы.'],
		sections: [
			{
				title: 'Сабактар',
				intro: [],
				items: [
					{
						number: 1,
						materialId: the.materialId,
						versionNumber: 1,
						title: the.title,
						authors: [],
						type: 'Сабактын планы',
						subjects: [],
						grades: '',
						language: 'ky',
						abstract: [],
						note: [],
						bodyHtml: `<p>${the.body}</p>`
					}
				]
			}
		],
		authorsIndex: [],
		images: [],
		labels: {}
	} as unknown as CollectionModel;
	const stored = async (bytes: Buffer, mime: string) => {
		const key = createHash('sha256').update(bytes).digest('hex');
		await store.putBytes(key, bytes, mime);
		return { key, size: bytes.length };
	};
	const pdf = await stored(Buffer.from(`%PDF-1.4 ${editionId}`), 'application/pdf');
	const docx = await stored(Buffer.from(`PK docx ${editionId}`), 'application/zip');
	await db
		.insertInto('collectionEditions')
		.values({
			id: editionId,
			collectionId,
			number: 1,
			status: 'done',
			progress: 100,
			model: JSON.stringify(model),
			itemCount: 1,
			jobId: null,
			docxKey: docx.key,
			docxSize: docx.size,
			pdfKey: pdf.key,
			pdfSize: pdf.size,
			pdfPages: 1,
			docxMs: null,
			pdfMs: null,
			errorCode: null,
			requestedBy: the.editorId,
			requestedAt: now,
			startedAt: now,
			finishedAt: now,
			approvedBy: the.editorId,
			approvedAt: now
		})
		.execute();
	return editionId;
}

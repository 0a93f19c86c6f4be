import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { asId, type SectionId } from '../ids';
import { addSectionInput, MAX_SECTIONS, type AddSectionInput } from './input';
import { editableCollection, touchCollection } from './queries';

/** The leader adds a section at the end of the collection. */
export async function addSection(
	{ db, actor, now }: Ctx,
	input: AddSectionInput
): Promise<{ sectionId: SectionId }> {
	await editableCollection(db, actor, input.groupId, input.collectionId);
	const { collectionId, title, intro } = validate(addSectionInput, input);
	const sectionId = asId<SectionId>(newId());
	await inTransaction(db, async (trx) => {
		const last = await trx
			.selectFrom('collectionSections')
			.select([(eb) => eb.fn.countAll().as('count'), (eb) => eb.fn.max('position').as('last')])
			.where('collectionId', '=', collectionId)
			.executeTakeFirstOrThrow();
		if (Number(last.count) >= MAX_SECTIONS)
			throw new AppError('conflict', 'error_collection_sections_limit', {
				params: { max: MAX_SECTIONS }
			});
		await trx
			.insertInto('collectionSections')
			.values({
				id: sectionId,
				collectionId,
				position: Number(last.last ?? 0) + 1,
				title,
				intro
			})
			.execute();
		await touchCollection(trx, collectionId, now);
	});
	return { sectionId };
}

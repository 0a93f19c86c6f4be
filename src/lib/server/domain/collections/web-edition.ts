import type { CollectionModel } from '../../export/collection/model';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { webEditionInput, type WebEditionInput } from './input';
import { editionModel, readableEdition } from './queries';

/** The web edition: the frozen content, read whole (it is what the page shows). */
export async function webEdition(
	{ db, actor }: Ctx,
	input: WebEditionInput
): Promise<{ model: CollectionModel; groupName: string }> {
	const { edition, group } = await readableEdition(
		db,
		actor,
		input.groupId,
		input.collectionId,
		input.number
	);
	validate(webEditionInput, input);
	return { model: await editionModel(db, edition.id), groupName: group.name };
}

import type { DB } from '../../db/types';

export interface CommentNode {
	id: string;
	authorName: string;
	versionNumber: number;
	body: string;
	createdAt: Date;
	replies: CommentNode[];
}

/** The material's comments as a thread: replies under their parent, oldest first. */
export async function commentThread(db: DB, materialId: string): Promise<CommentNode[]> {
	const rows = await db
		.selectFrom('materialComments as c')
		.innerJoin('users as u', 'u.id', 'c.authorId')
		.select([
			'c.id',
			'c.parentId',
			'u.fullName as authorName',
			'c.versionNumber',
			'c.body',
			'c.createdAt'
		])
		.where('c.materialId', '=', materialId)
		.orderBy('c.createdAt')
		.orderBy('c.id')
		.execute();
	const nodes = new Map<string, CommentNode>();
	for (const r of rows)
		nodes.set(r.id, { ...r, versionNumber: Number(r.versionNumber), replies: [] });
	const roots: CommentNode[] = [];
	for (const r of rows) {
		const node = nodes.get(r.id)!;
		const parent = r.parentId ? nodes.get(r.parentId) : undefined;
		(parent ? parent.replies : roots).push(node);
	}
	return roots;
}

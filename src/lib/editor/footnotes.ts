// Footnotes in the editor, in the form the Word import writes and the sanitizer allows:
// `<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>` in the text and
// `<section class="footnotes"><ol><li id="fn-1">…</li></ol></section>` at the end. Without these
// nodes TipTap would drop the reference (its link is not http) and flatten the notes.
import { mergeAttributes, Node } from '@tiptap/core';
import { Fragment, type Node as PmNode } from '@tiptap/pm/model';
import { Plugin, type EditorState, type Transaction } from '@tiptap/pm/state';

const NUMBER = /^\d{1,4}$/;

/** The reference to a note: one uneditable piece of text, deleted as a whole. */
export const FootnoteReference = Node.create({
	name: 'footnoteReference',
	group: 'inline',
	inline: true,
	atom: true,
	selectable: true,
	addAttributes() {
		return {
			number: {
				default: 1,
				parseHTML: (element) => {
					const text = element.textContent?.trim() ?? '';
					return NUMBER.test(text) ? Number(text) : 1;
				},
				renderHTML: () => ({})
			}
		};
	},
	parseHTML() {
		// Before the superscript mark's rule for <sup>.
		return [{ tag: 'sup.footnote-ref', priority: 100 }];
	},
	renderHTML({ node }) {
		const n = String(node.attrs.number);
		return ['sup', { class: 'footnote-ref' }, ['a', { href: `#fn-${n}`, id: `fnref-${n}` }, n]];
	},
	renderText({ node }) {
		return `[${String(node.attrs.number)}]`;
	},
	addProseMirrorPlugins() {
		return [new Plugin({ appendTransaction: (_transactions, _old, state) => renumber(state) })];
	}
});

/**
 * Keeps references and notes in step after an edit: references numbered 1, 2, 3… in reading
 * order, the notes in the same order, a note whose reference was deleted removed with it, and
 * a reference without a note removed.
 */
function renumber(state: EditorState): Transaction | null {
	const references: { pos: number; node: PmNode }[] = [];
	let notes: { pos: number; node: PmNode } | undefined;
	state.doc.descendants((node, pos) => {
		if (node.type.name === 'footnoteReference') references.push({ pos, node });
		if (node.type.name === 'footnotes') notes ??= { pos, node };
		return node.type.name !== 'footnotes';
	});
	if (!notes && references.length === 0) return null;
	const byId = new Map<string, PmNode>();
	notes?.node.forEach((note) => {
		if (note.attrs.id) byId.set(String(note.attrs.id), note);
	});
	const tr = state.tr;
	const ordered: PmNode[] = [];
	for (const { pos, node } of references) {
		const note = byId.get(`fn-${String(node.attrs.number)}`);
		const at = tr.mapping.map(pos);
		// A reference without its note (pasted from elsewhere) would point at nothing.
		if (!note) {
			tr.delete(at, at + node.nodeSize);
			continue;
		}
		const number = ordered.length + 1;
		ordered.push(note.type.create({ id: `fn-${number}` }, note.content));
		if (node.attrs.number !== number) tr.setNodeMarkup(at, undefined, { number });
	}
	if (notes) {
		const start = tr.mapping.map(notes.pos);
		const end = tr.mapping.map(notes.pos + notes.node.nodeSize);
		if (ordered.length === 0) tr.delete(start, end);
		else if (!Fragment.from(ordered).eq(notes.node.content))
			// The notes' own content is replaced: the section itself stays where it is.
			tr.replaceWith(start + 1, end - 1, Fragment.from(ordered));
	}
	return tr.docChanged ? tr : null;
}

/** The notes at the end of the body. */
export const Footnotes = Node.create({
	name: 'footnotes',
	group: 'block',
	content: 'footnote+',
	isolating: true,
	parseHTML() {
		return [{ tag: 'section.footnotes', contentElement: 'ol', priority: 100 }];
	},
	renderHTML({ HTMLAttributes }) {
		return ['section', mergeAttributes(HTMLAttributes, { class: 'footnotes' }), ['ol', 0]];
	}
});

/** One note: paragraphs, edited as text. */
export const Footnote = Node.create({
	name: 'footnote',
	content: 'paragraph+',
	defining: true,
	addAttributes() {
		return {
			id: {
				default: null,
				parseHTML: (element) => (/^fn-\d{1,4}$/.test(element.id) ? element.id : null),
				renderHTML: (attributes) => (attributes.id ? { id: String(attributes.id) } : {})
			}
		};
	},
	parseHTML() {
		// Only a list item of the notes, not of an ordinary list.
		return [{ tag: 'li', context: 'footnotes/', priority: 100 }];
	},
	renderHTML({ HTMLAttributes }) {
		return ['li', HTMLAttributes, 0];
	}
});

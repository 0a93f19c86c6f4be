// Footnotes in the editor, in the form the Word import writes and the sanitizer allows:
// `<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>` in the text and
// `<section class="footnotes"><ol><li id="fn-1">…</li></ol></section>` at the end. Without these
// nodes TipTap would drop the reference (its link is not http) and flatten the notes.
import { mergeAttributes, Node } from '@tiptap/core';

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
	}
});

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

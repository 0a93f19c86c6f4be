// The rich-text editor behind RichTextEditor.svelte. Imported dynamically in the browser
// only, so TipTap and ProseMirror load as their own chunk, on the pages that edit a body.
import { Editor, Extension } from '@tiptap/core';
import { Image } from '@tiptap/extension-image';
import { Subscript } from '@tiptap/extension-subscript';
import { Superscript } from '@tiptap/extension-superscript';
import { TextAlign } from '@tiptap/extension-text-align';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import type { EditorView } from '@tiptap/pm/view';
import { StarterKit } from '@tiptap/starter-kit';
import { Footnote, FootnoteReference, Footnotes } from './footnotes';

/** The largest image that may be pasted, dropped or picked (it goes into the body as a data URL). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** What the toolbar shows as pressed or available. */
export interface ToolbarState {
	bold: boolean;
	italic: boolean;
	underline: boolean;
	strike: boolean;
	superscript: boolean;
	subscript: boolean;
	align: Alignment;
	heading: 0 | 2 | 3 | 4;
	bulletList: boolean;
	orderedList: boolean;
	blockquote: boolean;
	link: boolean;
	inTable: boolean;
	canUndo: boolean;
	canRedo: boolean;
}

/** The alignments the sanitizer keeps (left is the default and is not written). */
export type Alignment = 'left' | 'center' | 'right';

export type EditorAction =
	| 'superscript'
	| 'subscript'
	| 'alignLeft'
	| 'alignCenter'
	| 'alignRight'
	| 'pageBreak'
	| 'bold'
	| 'italic'
	| 'underline'
	| 'strike'
	| 'h2'
	| 'h3'
	| 'h4'
	| 'bulletList'
	| 'orderedList'
	| 'blockquote'
	| 'horizontalRule'
	| 'undo'
	| 'redo'
	| 'insertTable'
	| 'addRow'
	| 'addColumn'
	| 'deleteRow'
	| 'deleteColumn'
	| 'deleteTable'
	| 'unlink';

/** Why an image was not inserted. */
export type ImageRefusal = 'too-big' | 'not-image' | 'unreadable';

export interface EditorOptions {
	/** Attributes of the editing area (aria-labelledby, aria-describedby, aria-invalid…). */
	attributes: Record<string, string>;
	/** Called after every transaction, with what the toolbar should show. */
	onState: (state: ToolbarState) => void;
	/** Called when a pasted, dropped or picked file is refused. */
	onImageRefused: (reason: ImageRefusal, file: File) => void;
}

export interface EditorHandle {
	run(action: EditorAction): void;
	state(): ToolbarState;
	/** The href of the link at the selection, or ''. */
	linkHref(): string;
	/** Links the selection (or the link around the cursor); false if the address is not allowed. */
	setLink(address: string): boolean;
	/** Inserts image files at the selection (or at `pos`), refusing what is too big or no image. */
	insertImages(files: Iterable<File>, pos?: number): Promise<void>;
	/** Replaces the whole content; undo can bring the old content back. */
	setContent(html: string): void;
	/** The content as HTML, '' when empty (so "required" checks on the server still work). */
	getHTML(): string;
	setAttributes(attributes: Record<string, string>): void;
	focus(): void;
	destroy(): void;
}

/** Only web and email links: no javascript:, data:, file: or relative addresses. */
export function isAllowedHref(href: string): boolean {
	return /^(https?:\/\/[^\s/]+|mailto:[^\s@]+@[^\s@]+)\S*$/i.test(href.trim());
}

/** A typed address made into a link target: "edu.kg" → https://edu.kg, "a@b.kg" → mailto:. */
export function normalizeHref(input: string): string {
	const address = input.trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(address)) return address;
	if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(address)) return `mailto:${address}`;
	if (/^[^\s/]+\.[^\s/]+/.test(address)) return `https://${address}`;
	return address;
}

/** The textarea may hold plain text (typed without JavaScript): make it paragraphs. */
export function textToHtml(text: string): string {
	if (/<[a-z][^>]*>/i.test(text)) return text;
	const escape = (s: string) =>
		s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return text
		.split(/\r?\n\s*\r?\n/)
		.map((block) => block.trim())
		.filter(Boolean)
		.map((block) => `<p>${escape(block).replace(/\r?\n/g, '<br>')}</p>`)
		.join('');
}

/**
 * A rule may be a page break (`<hr class="page-break">`): the class is kept as an attribute, so
 * a page break written in Word stays one after editing.
 */
const PageBreakRule = Extension.create({
	name: 'pageBreakRule',
	addGlobalAttributes() {
		return [
			{
				types: ['horizontalRule'],
				attributes: {
					pageBreak: {
						default: false,
						parseHTML: (element) => element.classList.contains('page-break'),
						renderHTML: (attributes) => (attributes.pageBreak ? { class: 'page-break' } : {})
					}
				}
			}
		];
	}
});

function readAsDataUrl(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result));
		reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
		reader.readAsDataURL(file);
	});
}

function imageFiles(list: FileList | null | undefined): File[] {
	return Array.from(list ?? []).filter((file) => file.type.startsWith('image/'));
}

export function createEditor(
	element: HTMLElement,
	html: string,
	onUpdate: (html: string) => void,
	options: EditorOptions
): EditorHandle {
	async function insertImages(files: Iterable<File>, pos?: number) {
		let at = pos;
		for (const file of files) {
			if (!IMAGE_TYPES.includes(file.type)) {
				options.onImageRefused('not-image', file);
				continue;
			}
			if (file.size > MAX_IMAGE_BYTES) {
				options.onImageRefused('too-big', file);
				continue;
			}
			let src: string;
			try {
				src = await readAsDataUrl(file);
			} catch {
				options.onImageRefused('unreadable', file);
				continue;
			}
			if (editor.isDestroyed) return;
			const image = { type: 'image', attrs: { src } };
			if (at === undefined) {
				editor.chain().focus().insertContent(image).run();
			} else {
				editor.chain().focus().insertContentAt(at, image).run();
				at = undefined; // the next images follow the first one
			}
		}
	}

	function handlePaste(_view: EditorView, event: ClipboardEvent): boolean {
		const data = event.clipboardData;
		// Word puts a picture of the copied text beside it: when there is text, it is meant.
		if (!data || data.getData('text/plain').trim()) return false;
		const files = imageFiles(data.files);
		if (files.length === 0) return false;
		event.preventDefault();
		void insertImages(files);
		return true;
	}

	function handleDrop(view: EditorView, event: DragEvent, _slice: unknown, moved: boolean) {
		if (moved) return false;
		const files = Array.from(event.dataTransfer?.files ?? []);
		if (files.length === 0) return false;
		event.preventDefault();
		const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
		void insertImages(files, pos);
		return true;
	}

	// Take the editor as given by its events: they may come before `editor` is assigned.
	function stateOf(e: Editor): ToolbarState {
		const heading = ([2, 3, 4] as const).find((level) => e.isActive('heading', { level }));
		const align = (['center', 'right'] as const).find((a) => e.isActive({ textAlign: a }));
		return {
			bold: e.isActive('bold'),
			italic: e.isActive('italic'),
			underline: e.isActive('underline'),
			strike: e.isActive('strike'),
			superscript: e.isActive('superscript'),
			subscript: e.isActive('subscript'),
			align: align ?? 'left',
			heading: heading ?? 0,
			bulletList: e.isActive('bulletList'),
			orderedList: e.isActive('orderedList'),
			blockquote: e.isActive('blockquote'),
			link: e.isActive('link'),
			inTable: e.isActive('table'),
			canUndo: e.can().undo(),
			canRedo: e.can().redo()
		};
	}

	const htmlOf = (e: Editor) => (e.isEmpty ? '' : e.getHTML());

	// Paste and drop (below) reach `editor` only once it exists.
	const editor = new Editor({
		element,
		content: textToHtml(html),
		// The few rules TipTap needs are in RichTextEditor.svelte: no <style> injected at run time.
		injectCSS: false,
		extensions: [
			StarterKit.configure({
				heading: { levels: [2, 3, 4] },
				code: false,
				codeBlock: false,
				link: {
					openOnClick: false,
					defaultProtocol: 'https',
					isAllowedUri: (url) => isAllowedHref(url)
				}
			}),
			Table.configure({ resizable: false }),
			TableRow,
			TableHeader,
			TableCell,
			Image.configure({ inline: false, allowBase64: true }),
			Superscript,
			Subscript,
			// Justified text is kept when it comes in, but not offered: on a phone it makes rivers.
			TextAlign.configure({
				types: ['heading', 'paragraph'],
				alignments: ['left', 'center', 'right', 'justify']
			}),
			PageBreakRule,
			FootnoteReference,
			Footnotes,
			Footnote
		],
		editorProps: {
			attributes: { 'aria-multiline': 'true', ...options.attributes },
			handlePaste,
			handleDrop
		},
		onUpdate: ({ editor: e }) => onUpdate(htmlOf(e)),
		onTransaction: ({ editor: e }) => options.onState(stateOf(e))
	});

	const actions: Record<EditorAction, () => void> = {
		bold: () => editor.chain().focus().toggleBold().run(),
		italic: () => editor.chain().focus().toggleItalic().run(),
		underline: () => editor.chain().focus().toggleUnderline().run(),
		strike: () => editor.chain().focus().toggleStrike().run(),
		superscript: () => editor.chain().focus().unsetSubscript().toggleSuperscript().run(),
		subscript: () => editor.chain().focus().unsetSuperscript().toggleSubscript().run(),
		alignLeft: () => editor.chain().focus().unsetTextAlign().run(),
		alignCenter: () => editor.chain().focus().toggleTextAlign('center').run(),
		alignRight: () => editor.chain().focus().toggleTextAlign('right').run(),
		pageBreak: () =>
			editor
				.chain()
				.focus()
				.insertContent({ type: 'horizontalRule', attrs: { pageBreak: true } })
				.run(),
		h2: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
		h3: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
		h4: () => editor.chain().focus().toggleHeading({ level: 4 }).run(),
		bulletList: () => editor.chain().focus().toggleBulletList().run(),
		orderedList: () => editor.chain().focus().toggleOrderedList().run(),
		blockquote: () => editor.chain().focus().toggleBlockquote().run(),
		horizontalRule: () => editor.chain().focus().setHorizontalRule().run(),
		undo: () => editor.chain().focus().undo().run(),
		redo: () => editor.chain().focus().redo().run(),
		insertTable: () =>
			editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
		addRow: () => editor.chain().focus().addRowAfter().run(),
		addColumn: () => editor.chain().focus().addColumnAfter().run(),
		deleteRow: () => editor.chain().focus().deleteRow().run(),
		deleteColumn: () => editor.chain().focus().deleteColumn().run(),
		deleteTable: () => editor.chain().focus().deleteTable().run(),
		unlink: () => editor.chain().focus().extendMarkRange('link').unsetLink().run()
	};

	return {
		run: (action) => actions[action](),
		state: () => stateOf(editor),
		linkHref: () => String(editor.getAttributes('link').href ?? ''),
		setLink(address) {
			const href = normalizeHref(address);
			if (!isAllowedHref(href)) return false;
			const chain = editor.chain().focus().extendMarkRange('link');
			// With nothing selected, the address itself becomes the link's text.
			if (editor.state.selection.empty && !editor.isActive('link')) {
				const text = href.replace(/^mailto:/i, '');
				return chain
					.insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
					.run();
			}
			return chain.setLink({ href }).run();
		},
		insertImages,
		setContent(content) {
			editor.commands.setContent(textToHtml(content), { emitUpdate: true });
		},
		getHTML: () => htmlOf(editor),
		setAttributes(attributes) {
			editor.setOptions({
				editorProps: {
					...editor.options.editorProps,
					attributes: { 'aria-multiline': 'true', ...attributes }
				}
			});
		},
		focus: () => editor.commands.focus(),
		destroy: () => editor.destroy()
	};
}

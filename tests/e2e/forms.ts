import { expect } from '@playwright/test';
import { DomUtils, parseDocument } from 'htmlparser2';

// Seeding through the app's own forms, as a browser without JavaScript sends them: a page is
// read, one of its forms is found, its fields keep what the page put in them (hidden ids,
// chosen options, ticked boxes) unless the step says otherwise, and the form is posted with
// the person's cookies. No server module is imported: the forms are the interface.

type Node = ReturnType<typeof parseDocument>;
export type Element = ReturnType<typeof DomUtils.findAll>[number];

/**
 * A field's value: text, several values (checkboxes), or the option / box / radio button with
 * this label (`labelContaining`: whose label contains the text).
 */
export type FieldValue =
	| string
	| number
	| string[]
	| { label: string }
	| { labels: string[] }
	| { labelContaining: string };

/** A file to send with a form. */
export interface UploadFile {
	name: string;
	mimeType: string;
	bytes: Uint8Array;
}

export interface Submit {
	/**
	 * The form's action, relative to the page: '?/invite', '' for the default action (a
	 * #fragment in the page's form is ignored).
	 */
	action: string;
	/** Among several such forms, the one whose item (li, article, section) shows this text. */
	within?: string;
	/** Posted to this action instead (a button's `formaction`, e.g. '?/import'). */
	formAction?: string;
	fields?: Record<string, FieldValue | undefined>;
	files?: Record<string, UploadFile[]>;
}

export interface Posted {
	status: number;
	/** Where a 303 sends the browser, as an absolute URL. */
	location?: string;
	/** The page shown: instead of a redirect, or the one a redirect after post leads to. */
	page?: HtmlPage;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A page as the server rendered it, with the lookups a seeding step needs. */
export class HtmlPage {
	readonly document: Node;

	constructor(
		readonly url: string,
		readonly html: string
	) {
		this.document = parseDocument(html);
	}

	all(test: (element: Element) => boolean, within: Node | Element = this.document): Element[] {
		return DomUtils.findAll(test, [within]);
	}

	text(element: Node | Element = this.document): string {
		return collapse(DomUtils.textContent(element));
	}

	/** Elements with this class. */
	byClass(name: string, within?: Node | Element): Element[] {
		return this.all((e) => (e.attribs.class ?? '').split(/\s+/).includes(name), within);
	}

	/** The messages of a failed form (the alert and the errors next to fields), for reports. */
	errors(): string[] {
		const shown = this.all(
			(e) => e.attribs.role === 'alert' || (e.attribs.class ?? '').includes('error-text')
		);
		return shown.map((e) => this.text(e)).filter(Boolean);
	}

	/** Where a form action posts to (relative to this page, without its #fragment). */
	target(action: string): string {
		const url = new URL(action, this.url);
		url.hash = '';
		return url.href;
	}

	/** The form posting to `action` (within the item showing `within`); exactly one. */
	form(action: string, within?: string): Element {
		const target = this.target(action);
		const forms = this.all(
			(e) => e.name === 'form' && (e.attribs.method ?? '').toLowerCase() === 'post'
		)
			.filter((form) => this.target(form.attribs.action ?? '') === target)
			.filter((form) => within === undefined || this.text(itemOf(form)).includes(within));
		if (forms.length !== 1)
			throw new Error(
				`${this.url}: ${forms.length} forms with action "${action}"${within ? ` showing "${within}"` : ''}`
			);
		return forms[0]!;
	}

	/** The form's fields as a browser would send them, in order, before anything is changed. */
	values(form: Element): [string, string][] {
		const id = form.attribs.id;
		const controls = this.all(
			(e) =>
				(e.name === 'input' || e.name === 'select' || e.name === 'textarea') &&
				Boolean(e.attribs.name) &&
				!('disabled' in e.attribs) &&
				(isInside(e, form) || (id !== undefined && e.attribs.form === id))
		);
		const entries: [string, string][] = [];
		for (const control of controls) {
			const name = control.attribs.name!;
			if (control.name === 'textarea') {
				// The HTML parser drops one newline right after <textarea>.
				entries.push([name, DomUtils.textContent(control).replace(/^\r?\n/, '')]);
			} else if (control.name === 'select') {
				const options = this.all((e) => e.name === 'option', control);
				const chosen = options.filter((o) => 'selected' in o.attribs);
				const sent = chosen.length || 'multiple' in control.attribs ? chosen : options.slice(0, 1);
				for (const option of sent) entries.push([name, optionValue(option)]);
			} else {
				const type = (control.attribs.type ?? 'text').toLowerCase();
				if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue;
				if (type === 'checkbox' || type === 'radio') {
					if ('checked' in control.attribs) entries.push([name, control.attribs.value ?? 'on']);
				} else entries.push([name, control.attribs.value ?? '']);
			}
		}
		return entries;
	}

	/** The value of the option, box or radio button named `name` whose label is `label`. */
	choice(form: Element, name: string, label: string, containing = false): string {
		const found: string[] = [];
		const matches = (text: string) => (containing ? text.includes(label) : text === label);
		for (const control of this.all((e) => e.attribs.name === name, form)) {
			if (control.name === 'select') {
				for (const option of this.all((e) => e.name === 'option', control))
					if (matches(this.text(option))) found.push(optionValue(option));
			} else if (control.name === 'input' && matches(this.labelOf(control))) {
				found.push(control.attribs.value ?? 'on');
			}
		}
		if (found.length !== 1)
			throw new Error(`${this.url}: ${found.length} choices "${label}" for the field "${name}"`);
		return found[0]!;
	}

	/** The name of the field labelled `label` in the form (through `<label for>`). */
	nameOf(form: Element, label: string): string {
		const names = this.all((e) => e.name === 'label' && this.text(e) === label, form).flatMap(
			(l) => {
				const target = l.attribs.for
					? this.all((e) => e.attribs.id === l.attribs.for, form)[0]
					: this.all((e) => ['input', 'select', 'textarea'].includes(e.name), l)[0];
				return target?.attribs.name ? [target.attribs.name] : [];
			}
		);
		if (names.length !== 1) throw new Error(`${this.url}: ${names.length} fields "${label}"`);
		return names[0]!;
	}

	private labelOf(input: Element): string {
		const wrapping = ancestors(input).find((e) => e.name === 'label');
		if (wrapping) return this.text(wrapping);
		const id = input.attribs.id;
		const label = id ? this.all((e) => e.name === 'label' && e.attribs.for === id)[0] : undefined;
		return label ? this.text(label) : '';
	}
}

function optionValue(option: Element): string {
	return option.attribs.value ?? collapse(DomUtils.textContent(option));
}

function ancestors(element: Element): Element[] {
	const list: Element[] = [];
	for (let node = element.parent; node && 'name' in node; node = node.parent)
		list.push(node as Element);
	return list;
}

function isInside(element: Element, container: Element): boolean {
	return ancestors(element).includes(container);
}

/** The item a repeated form belongs to: the nearest list item, article or section. */
function itemOf(form: Element): Element {
	return ancestors(form).find((e) => ['li', 'article', 'section'].includes(e.name)) ?? form;
}

/** One person's browser, as far as forms go: their own cookies, JavaScript off. */
export class Visitor {
	/** Cookies by name, as the server set them (all on the path /). */
	private readonly cookies = new Map<string, string>();

	constructor(readonly baseURL: string) {}

	/** A request with this person's cookies; the cookies the answer sets are kept. */
	private async request(url: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		headers.set('accept', 'text/html');
		if (this.cookies.size)
			headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const response = await fetch(url, { ...init, headers, redirect: 'manual' });
		for (const header of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = header.split(';');
			const at = pair.indexOf('=');
			const name = pair.slice(0, at).trim();
			const value = pair.slice(at + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return response;
	}

	/** Opens a page (following redirects; expected to answer 200). */
	async open(address: string): Promise<HtmlPage> {
		let url = new URL(address, this.baseURL).href;
		let response = await this.request(url);
		for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 5; hops++) {
			url = new URL(response.headers.get('location') ?? '', url).href;
			response = await this.request(url);
		}
		expect(response.status, `GET ${url}`).toBe(200);
		return new HtmlPage(url, await response.text());
	}

	/**
	 * Fills a form of the page (or of the page at that address) and sends it. A refusal (4xx,
	 * 5xx) fails the seeding step with the messages the page showed.
	 */
	async submit(from: HtmlPage | string, submit: Submit): Promise<Posted> {
		const page = typeof from === 'string' ? await this.open(from) : from;
		const form = page.form(submit.action, submit.within);
		let entries = page.values(form);
		for (const [name, value] of Object.entries(submit.fields ?? {})) {
			entries = entries.filter(([key]) => key !== name);
			if (value === undefined) continue;
			const values = Array.isArray(value)
				? value
				: typeof value !== 'object'
					? [String(value)]
					: 'label' in value
						? [page.choice(form, name, value.label)]
						: 'labels' in value
							? value.labels.map((label) => page.choice(form, name, label))
							: [page.choice(form, name, value.labelContaining, true)];
			for (const v of values) entries.push([name, v]);
		}
		const target = page.target(submit.formAction ?? form.attribs.action ?? '');
		// As a browser posts a form: from the same origin, a page asked for in return.
		const headers: Record<string, string> = { origin: new URL(this.baseURL).origin };
		let body: FormData | string;
		if (form.attribs.enctype === 'multipart/form-data' || submit.files) {
			body = new FormData();
			for (const [name, value] of entries) body.append(name, value);
			for (const [name, files] of Object.entries(submit.files ?? {}))
				for (const file of files)
					body.append(
						name,
						new File([new Uint8Array(file.bytes)], file.name, { type: file.mimeType })
					);
		} else {
			body = new URLSearchParams(entries).toString();
			headers['content-type'] = 'application/x-www-form-urlencoded';
		}
		const response = await this.request(target, { method: 'POST', headers, body });
		const status = response.status;
		if (status >= 300 && status < 400) {
			await response.body?.cancel();
			const location = new URL(response.headers.get('location') ?? '', target).href;
			// Redirect after post: the page itself, showing what the action left for it.
			const isResult = response.headers.getSetCookie().some((c) => c.startsWith('ustat_result='));
			if (isResult && new URL(location).pathname === new URL(target).pathname)
				return { status, location, page: await this.open(location) };
			return { status, location };
		}
		const result = new HtmlPage(target, await response.text());
		if (status >= 400)
			throw new Error(
				`POST ${target} answered ${status}: ${result.errors().join(' | ') || result.text().slice(0, 300)}`
			);
		return { status, page: result };
	}
}

// Drafts of half-filled forms (docs/design.md "Drafts"). With JavaScript, what a person
// types into a form that posts is kept in localStorage (per page and form) as they type;
// leaving the site or reloading with unsent changes asks first (the browser's question; a
// link inside the app just keeps the draft); the next visit puts the draft back with
// a notice and a "Discard draft" button; sending the form forgets it. Without JavaScript
// nothing of this runs and the forms work as before.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Values = Record<string, string[]>;

export interface DraftTexts {
	restored: string;
	discard: string;
}

const PREFIX = 'ustat:draft:';
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const SAVE_AFTER_MS = 600;
// Inputs worth keeping: what a person types. Never passwords, files, hidden or choice boxes.
const TYPED = /^(text|email|url|number|search|tel|date|time|datetime-local|month|week)$/;

/** The values the form had before the person typed (server- or client-rendered). */
const originals = new WeakMap<HTMLFormElement, Values>();
const dirty = new Set<HTMLFormElement>();
const timers = new Map<HTMLFormElement, ReturnType<typeof setTimeout>>();
const seen = new WeakSet<HTMLFormElement>();

const typed = (el: Element): el is Field =>
	(el instanceof HTMLInputElement && TYPED.test(el.type)) ||
	el instanceof HTMLTextAreaElement ||
	el instanceof HTMLSelectElement;

const fields = (form: HTMLFormElement) =>
	[...form.elements].filter((el): el is Field => typed(el) && !!el.name && !el.disabled);

/** A form that posts what someone types (not a search, a sign-in, or one marked data-no-draft). */
function eligible(form: HTMLFormElement | null): form is HTMLFormElement {
	if (!form || form.method !== 'post' || form.hasAttribute('data-no-draft')) return false;
	if (form.querySelector('input[type=password]')) return false;
	return fields(form).some((f) => !(f instanceof HTMLSelectElement));
}

function valuesOf(form: HTMLFormElement): Values {
	const values: Values = {};
	for (const f of fields(form)) (values[f.name] ??= []).push(f.value);
	return values;
}

const same = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);

/** Per page and form; hidden fields (an item's id) tell apart forms with the same action. */
function keyOf(form: HTMLFormElement): string {
	const ids = [...form.querySelectorAll<HTMLInputElement>('input[type=hidden][name]')]
		.map((h) => `${h.name}=${h.value}`)
		.join('&');
	return `${PREFIX}${location.pathname}|${form.getAttribute('action') ?? ''}|${ids}`;
}

function read(key: string): Values | null {
	try {
		const raw = localStorage.getItem(key);
		if (!raw) return null;
		const draft = JSON.parse(raw) as { t: number; v: Values };
		if (Date.now() - draft.t > KEEP_MS) {
			localStorage.removeItem(key);
			return null;
		}
		return draft.v;
	} catch {
		return null;
	}
}

function write(key: string, values: Values | null): void {
	try {
		if (values) localStorage.setItem(key, JSON.stringify({ t: Date.now(), v: values }));
		else localStorage.removeItem(key);
	} catch {
		// Storage full or disabled: the warning on leaving still protects the text.
	}
}

function fill(form: HTMLFormElement, values: Values): void {
	const index: Record<string, number> = {};
	for (const f of fields(form)) {
		const i = (index[f.name] = (index[f.name] ?? -1) + 1);
		const value = values[f.name]?.[i];
		if (value === undefined || value === f.value) continue;
		f.value = value;
		// Components bound to the field (bind:value) learn the value too.
		f.dispatchEvent(new Event('input', { bubbles: true }));
	}
}

function remember(form: HTMLFormElement): void {
	if (!originals.has(form)) originals.set(form, valuesOf(form));
}

function save(form: HTMLFormElement): void {
	clearTimeout(timers.get(form));
	timers.delete(form);
	const now = valuesOf(form);
	const changed = !same(now, originals.get(form) ?? {});
	if (changed) dirty.add(form);
	else dirty.delete(form);
	write(keyOf(form), changed ? now : null);
}

function onInput(event: Event): void {
	const form = (event.target as Field).form ?? null;
	if (!eligible(form)) return;
	remember(form);
	// Unsent from the first key: leaving at once still asks (and saves, see hasUnsent).
	dirty.add(form);
	clearTimeout(timers.get(form));
	timers.set(
		form,
		setTimeout(() => save(form), SAVE_AFTER_MS)
	);
}

function onFocus(event: Event): void {
	const form = (event.target as Field).form ?? null;
	if (eligible(form)) remember(form);
}

function onSubmit(event: Event): void {
	const form = event.target as HTMLFormElement;
	if (!eligible(form)) return;
	clearTimeout(timers.get(form));
	timers.delete(form);
	dirty.delete(form);
	write(keyOf(form), null);
	originals.delete(form);
}

function notice(form: HTMLFormElement, texts: DraftTexts): void {
	const box = document.createElement('p');
	box.className = 'notice info draft-notice';
	box.setAttribute('role', 'status');
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'secondary';
	button.textContent = texts.discard;
	button.addEventListener('click', () => {
		fill(form, originals.get(form) ?? {});
		clearTimeout(timers.get(form));
		timers.delete(form);
		dirty.delete(form);
		write(keyOf(form), null);
		box.remove();
	});
	box.append(texts.restored, ' ', button);
	// Inside the form: the page's components own the nodes around it.
	form.prepend(box);
}

/**
 * Puts drafts back into the page's forms: after each navigation. Not over what the server
 * rendered after a failed post (the form shows errors, with the values typed then).
 */
export function restoreDrafts(texts: DraftTexts): void {
	for (const form of document.forms) {
		if (seen.has(form) || !eligible(form)) continue;
		seen.add(form);
		remember(form);
		const draft = read(keyOf(form));
		if (!draft) continue;
		if (form.querySelector('[aria-invalid=true], .notice.bad') || same(draft, valuesOf(form))) {
			write(keyOf(form), null);
			continue;
		}
		fill(form, draft);
		dirty.add(form);
		notice(form, texts);
	}
}

/** A form of the page has changes not sent yet; pending drafts are written first. */
export function hasUnsent(): boolean {
	// Drafts still waiting for the pause in typing are written now.
	for (const form of [...timers.keys()]) save(form);
	for (const form of dirty) if (!form.isConnected) dirty.delete(form);
	return dirty.size > 0;
}

const flush = () => void hasUnsent();

/** Listens to the whole document; returns the function that stops listening. */
export function installDrafts(): () => void {
	document.addEventListener('input', onInput, true);
	document.addEventListener('focusin', onFocus, true);
	document.addEventListener('submit', onSubmit, true);
	window.addEventListener('pagehide', flush);
	// Drafts older than a week are forgotten.
	try {
		for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) read(key);
	} catch {
		// No storage: nothing to forget.
	}
	return () => {
		document.removeEventListener('input', onInput, true);
		document.removeEventListener('focusin', onFocus, true);
		document.removeEventListener('submit', onSubmit, true);
		window.removeEventListener('pagehide', flush);
	};
}

// Shared by server actions and pages: the shape of a failed form, and small readers for it.

/** What a failed form sends back: the values typed (never passwords) and translated errors. */
export interface FormFailure {
	/** The action that failed ('default' for a page's default action). */
	form: string;
	/** The item a repeated form acts on, when the action names one. */
	id?: string;
	values: Record<string, string | string[]>;
	errors: Record<string, string>;
	message?: string;
}

/** The failure in an action's result, if the result is one. */
export function failureOf(form: unknown): FormFailure | null {
	return form !== null && typeof form === 'object' && 'errors' in form && 'values' in form
		? (form as FormFailure)
		: null;
}

/**
 * The failure of one form on the page: the action's name, and the item's id for a form the
 * page repeats (one per section, one per item). Null when another form failed, or none did.
 */
export function failureFor(form: unknown, name: string, id?: string): FormFailure | null {
	const failure = failureOf(form);
	if (!failure || failure.form !== name) return null;
	return id === undefined || failure.id === id ? failure : null;
}

/** A single text value of a form field ('' when absent or multi-valued). */
export function text(value: unknown, fallback: string | number | null = ''): string {
	if (typeof value === 'string') return value;
	return fallback === null ? '' : String(fallback);
}

/** All values of a multi-valued field (checkboxes). */
export function list(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

/** A field's aria-describedby: the ids of its error and hint, if shown. */
export function describedBy(id: string, error?: string, hint?: string): string | undefined {
	return (
		[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
	);
}

/**
 * The page's `form`: what the action just returned or, after the redirect that answers a post
 * without JavaScript (server/web/form-results.ts), what it left for this page.
 */
export function posted<T>(form: T, data: { formResult?: unknown }): T {
	return (form ?? data.formResult ?? null) as T;
}

import { fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import type { FormFailure } from '../../forms';
import { AppError } from '../errors';
import { ValidationError } from '../validation';
import { translate } from './i18n';

/** Form fields as an object; a field sent several times (checkboxes) becomes an array. */
export function formObject(data: FormData): Record<string, string | string[]> {
	const result: Record<string, string | string[]> = {};
	for (const key of new Set(data.keys())) {
		const values = data.getAll(key).filter((v): v is string => typeof v === 'string');
		result[key] = values.length === 1 ? values[0]! : values;
	}
	return result;
}

const secret = /password/i;

function keptValues(values: Record<string, string | string[]>) {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !secret.test(key)));
}

/** What a form action needs of SvelteKit's request event. */
export interface FormEvent {
	request: Request;
	url: URL;
	setHeaders?: (headers: Record<string, string>) => void;
	/** Where a success is left for redirect-after-post (form-results.ts, hooks.server.ts). */
	locals?: Pick<App.Locals, 'actionResult'>;
}

/** Which form a failure belongs to: the page may show several, or one per item. */
export interface FormIdentity {
	/** The action's name ('default' for the page's default action). */
	form: string;
	/** The item a repeated form acts on (a section, an item), when the page has several. */
	id?: string;
}

/** How a page asks for one form's failure: the field whose value names its item. */
export interface FormOptions {
	id?: string;
}

/** The action posted to: SvelteKit sends named actions to `?/name`. */
export function actionName(url: URL): string {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
	return 'default';
}

type Values = Record<string, string | string[]>;

/** The failed form's name and, for a repeated form, its item's id. */
export function identify(event: FormEvent, values: Values, options: FormOptions): FormIdentity {
	const id = options.id ? values[options.id] : undefined;
	return { form: actionName(event.url), ...(typeof id === 'string' ? { id } : {}) };
}

/**
 * Turns an expected error into a form failure (400/403/404/409/429…) that re-renders the
 * form with everything typed. Anything else is re-thrown and becomes a 500 page.
 */
export function formFailure(
	error: unknown,
	values: Values,
	identity: FormIdentity,
	setHeaders?: (headers: Record<string, string>) => void
): ActionFailure<FormFailure> {
	if (!(error instanceof AppError)) throw error;
	const failure: FormFailure = { ...identity, values: keptValues(values), errors: {} };
	if (error instanceof ValidationError) {
		for (const issue of error.issues)
			failure.errors[issue.field] = translate(issue.key, issue.params);
		failure.message = translate('error_check_form');
	} else if (error.field) {
		failure.errors[error.field] = translate(error.messageKey, error.params);
	} else {
		failure.message = translate(error.messageKey, error.params);
	}
	if (error.retryAfterSeconds && setHeaders)
		setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
	return fail(error.status, failure);
}

/**
 * For forms with large bodies: the access check runs before the body is read. A refusal is
 * an empty form failure (403/404/409), the body never read.
 */
export async function runFormChecked<T>(
	event: FormEvent,
	precheck: () => Promise<void>,
	useCase: (values: Values, data: FormData) => Promise<T>,
	options: FormOptions = {}
): Promise<T | ActionFailure<FormFailure>> {
	try {
		await precheck();
	} catch (error) {
		return formFailure(error, {}, identify(event, {}, options));
	}
	const data = await event.request.formData().catch(() => new FormData());
	const values = formObject(data);
	let result: T;
	try {
		result = await useCase(values, data);
	} catch (error) {
		return formFailure(error, values, identify(event, values, options));
	}
	return done(event, result);
}

/**
 * Runs a use case for a form action: its result, or a form failure that keeps the input and
 * says which form it came from (the action's name, and the item's id with `options.id`).
 */
export async function runForm<T>(
	event: FormEvent,
	useCase: (values: Values) => Promise<T>,
	options: FormOptions = {}
): Promise<T | ActionFailure<FormFailure>> {
	// A body that is not form data (a broken client, a probe) is just an empty form.
	const values = formObject(await event.request.formData().catch(() => new FormData()));
	let result: T;
	try {
		result = await useCase(values);
	} catch (error) {
		return formFailure(error, values, identify(event, values, options), event.setHeaders);
	}
	return done(event, result);
}

/**
 * A success, returned to the page; also left in `locals` so that, posted without JavaScript,
 * the page is answered with a redirect to itself (hooks.server.ts) unless the action
 * redirects elsewhere first.
 */
export function done<T>(event: FormEvent, result: T): T {
	if (event.locals && !isActionFailure(result)) event.locals.actionResult = { value: result };
	return result;
}

import { fail, type ActionFailure } from '@sveltejs/kit';
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

/**
 * Turns an expected error into a form failure (400/403/404/409/429…) that re-renders the
 * form with everything typed. Anything else is re-thrown and becomes a 500 page.
 */
export function formFailure(
	error: unknown,
	values: Record<string, string | string[]>,
	setHeaders?: (headers: Record<string, string>) => void
): ActionFailure<FormFailure> {
	if (!(error instanceof AppError)) throw error;
	const failure: FormFailure = { values: keptValues(values), errors: {} };
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
	request: Request,
	precheck: () => Promise<void>,
	useCase: (values: Record<string, string | string[]>, data: FormData) => Promise<T>
): Promise<T | ActionFailure<FormFailure>> {
	try {
		await precheck();
	} catch (error) {
		return formFailure(error, {});
	}
	const data = await request.formData().catch(() => new FormData());
	const values = formObject(data);
	try {
		return await useCase(values, data);
	} catch (error) {
		return formFailure(error, values);
	}
}

/** Runs a use case for a form action: its result, or a form failure keeping the input. */
export async function runForm<T>(
	request: Request,
	useCase: (values: Record<string, string | string[]>) => Promise<T>,
	setHeaders?: (headers: Record<string, string>) => void
): Promise<T | ActionFailure<FormFailure>> {
	// A body that is not form data (a broken client, a probe) is just an empty form.
	const values = formObject(await request.formData().catch(() => new FormData()));
	try {
		return await useCase(values);
	} catch (error) {
		return formFailure(error, values, setHeaders);
	}
}

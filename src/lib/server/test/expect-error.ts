import { AppError } from '../errors';

/** The AppError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
	return error;
}

import type { ActionFailure } from '@sveltejs/kit';
import type { FormFailure } from '../../forms';
import { config } from '../config.js';
import { receiveMultipart, type ReceivedFile } from '../files/receive';
import { tempDir } from '../storage';
import { ValidationError } from '../validation';
import { formFailure, type FormEvent, type FormOptions, actionName } from './forms';

/**
 * A form action with files: the body is streamed to temporary files (never held in memory),
 * then the use case runs. Any problem becomes a form failure that keeps every typed field;
 * temporary files are removed whatever happens.
 */
export async function runUpload<T>(
	event: FormEvent | Request,
	/** Checks access first, so that a refused upload is never read. */
	precheck: () => Promise<void>,
	useCase: (values: Record<string, string | string[]>, files: ReceivedFile[]) => Promise<T>,
	limits: { maxFiles: number } = { maxFiles: 10 },
	options: FormOptions = {}
): Promise<T | ActionFailure<FormFailure>> {
	const request = event instanceof Request ? event : event.request;
	let values: Record<string, string | string[]> = {};
	let cleanup = async () => {};
	try {
		await precheck();
		const upload = await receiveMultipart(request, {
			maxFileBytes: config().maxFileBytes,
			maxFiles: limits.maxFiles,
			maxFieldBytes: 64 * 1024,
			maxFields: 50,
			tmpDir: tempDir()
		});
		values = upload.fields;
		cleanup = upload.cleanup;
		if (upload.problems.length > 0) throw new ValidationError(upload.problems);
		return await useCase(values, upload.files);
	} catch (error) {
		const id = options.id ? values[options.id] : undefined;
		const form = event instanceof Request ? '' : actionName(event.url);
		return formFailure(error, values, { form, ...(typeof id === 'string' ? { id } : {}) });
	} finally {
		await cleanup();
	}
}

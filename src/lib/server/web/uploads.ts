import type { ActionFailure } from '@sveltejs/kit';
import type { FormFailure } from '../../forms';
import { config } from '../config.js';
import { receiveMultipart, type ReceivedFile } from '../files/receive';
import { tempDir } from '../storage';
import { ValidationError } from '../validation';
import { done, formFailure, identify, type FormEvent, type FormOptions } from './forms';

/**
 * A form action with files: the body is streamed to temporary files (never held in memory),
 * then the use case runs. Any problem becomes a form failure that keeps every typed field;
 * temporary files are removed whatever happens.
 */
export async function runUpload<T>(
	event: FormEvent,
	/** Checks access first, so that a refused upload is never read. */
	precheck: () => Promise<void>,
	useCase: (values: Record<string, string | string[]>, files: ReceivedFile[]) => Promise<T>,
	/** maxFieldBytes: a text field larger than 64 KB (a body with pasted pictures). */
	limits: { maxFiles: number; maxFieldBytes?: number } = { maxFiles: 10 },
	options: FormOptions = {}
): Promise<T | ActionFailure<FormFailure>> {
	let values: Record<string, string | string[]> = {};
	let cleanup = async () => {};
	try {
		await precheck();
		const upload = await receiveMultipart(event.request, {
			maxFileBytes: config().maxFileBytes,
			maxFiles: limits.maxFiles,
			maxFieldBytes: limits.maxFieldBytes ?? 64 * 1024,
			maxFields: 50,
			// One large field (the body) and the form's ordinary fields, never fifty large ones.
			maxFieldsTotalBytes: (limits.maxFieldBytes ?? 64 * 1024) + 1024 * 1024,
			tmpDir: tempDir()
		});
		values = upload.fields;
		cleanup = upload.cleanup;
		if (upload.problems.length > 0) throw new ValidationError(upload.problems);
		return done(event, await useCase(values, upload.files));
	} catch (error) {
		return formFailure(error, values, identify(event, values, options));
	} finally {
		await cleanup();
	}
}

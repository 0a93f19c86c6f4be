import type { ActionFailure } from '@sveltejs/kit';
import type { FormFailure } from '../../forms';
import type { PhotoUpload } from '../domain/accounts/input-photo';
import { PHOTO_MAX_BYTES, photoError } from '../domain/accounts/photos';
import { receiveMultipart } from '../files/receive';
import { tempDir } from '../storage';
import { done, formFailure, identify, type FormEvent } from './forms';

/** Room for the multipart framing around the file (boundaries, headers, the action's fields). */
const FRAMING_BYTES = 16 * 1024;

/**
 * The profile photo form: a body declared larger than the limit is refused before it is read;
 * otherwise the file is streamed to a temporary file (one file, 5 MB, counted as it comes, so
 * a body without a length cannot get past the limit either) and given to the use case. Every
 * problem is a translated form failure; a success without JavaScript is redirected.
 */
export async function runPhotoUpload<T>(
	event: FormEvent,
	useCase: (file: PhotoUpload | null) => Promise<T>
): Promise<T | ActionFailure<FormFailure>> {
	let cleanup = async () => {};
	let result: T;
	try {
		const declared = Number(event.request.headers.get('content-length') ?? 0);
		if (declared > PHOTO_MAX_BYTES + FRAMING_BYTES) throw photoError('too_large');
		const upload = await receiveMultipart(event.request, {
			maxFileBytes: PHOTO_MAX_BYTES,
			maxFiles: 1,
			maxFieldBytes: 1024,
			maxFields: 5,
			tmpDir: tempDir()
		});
		cleanup = upload.cleanup;
		if (upload.problems.some((p) => p.key === 'error_file_too_large'))
			throw photoError('too_large');
		const file = upload.files.find((f) => f.field === 'photo');
		result = await useCase(file ? { path: file.path, size: file.size } : null);
	} catch (error) {
		return formFailure(error, {}, identify(event, {}, {}));
	} finally {
		await cleanup();
	}
	return done(event, result);
}

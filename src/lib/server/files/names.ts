const MAX_NAME_LENGTH = 150;
/** Extensions longer than this are not extensions worth keeping when shortening. */
const MAX_EXT_LENGTH = 16;

/**
 * A file name as the user sees it, safe to show and to put in a header: any directory part
 * (`/` or `\`) dropped, control characters and bidirectional overrides (which can disguise
 * `exe` as `docx`) removed, trimmed, at most 150 characters keeping the extension; 'file'
 * when nothing is left. Files are stored by hash, so this name never reaches the disk.
 */
export function safeFileName(raw: string): string {
	const base = raw.split(/[/\\]/).pop() ?? '';
	let name = base
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
		.trim();
	if (name === '.' || name === '..') name = '';
	const chars = Array.from(name); // by code point, so no emoji or letter is cut in half
	if (chars.length > MAX_NAME_LENGTH) {
		const dot = name.lastIndexOf('.');
		const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
		const keep = ext.length > 0 && ext.length <= MAX_EXT_LENGTH ? ext : [];
		name =
			chars
				.slice(0, MAX_NAME_LENGTH - keep.length)
				.join('')
				.trimEnd() + keep.join('');
	}
	return name || 'file';
}

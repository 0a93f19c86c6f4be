// A word-level difference of two texts, for comparing revisions and versions.

export interface DiffPart {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

/** Words and the spaces after them, so that joining the parts gives the text back. */
function tokens(text: string): string[] {
	return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Longest-common-subsequence diff over words. Texts are bounded by the inputs' limits
 * (a few thousand characters), so the quadratic table stays small.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
	const a = tokens(before);
	const b = tokens(after);
	const rows = a.length + 1;
	const cols = b.length + 1;
	const lcs = new Uint32Array(rows * cols);
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			lcs[i * cols + j] =
				a[i]!.trim() === b[j]!.trim()
					? lcs[(i + 1) * cols + j + 1]! + 1
					: Math.max(lcs[(i + 1) * cols + j]!, lcs[i * cols + j + 1]!);
	const parts: DiffPart[] = [];
	const push = (kind: DiffPart['kind'], text: string) => {
		const last = parts[parts.length - 1];
		if (last?.kind === kind) last.text += text;
		else parts.push({ kind, text });
	};
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i]!.trim() === b[j]!.trim()) {
			push('same', b[j]!);
			i++;
			j++;
		} else if (lcs[(i + 1) * cols + j]! >= lcs[i * cols + j + 1]!) push('removed', a[i++]!);
		else push('added', b[j++]!);
	}
	while (i < a.length) push('removed', a[i++]!);
	while (j < b.length) push('added', b[j++]!);
	return parts;
}

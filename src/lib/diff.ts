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
	// Words match whatever space follows them; the newer text's spacing is shown.
	return sequenceDiff(tokens(before), tokens(after), (token) => token.trim());
}

/** The LCS walk over any two sequences of text pieces, equal when their keys are. */
function sequenceDiff(
	a: string[],
	b: string[],
	key: (piece: string) => string = (piece) => piece
): DiffPart[] {
	const ka = a.map(key);
	const kb = b.map(key);
	const cols = b.length + 1;
	const lcs = new Uint32Array((a.length + 1) * cols);
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			lcs[i * cols + j] =
				ka[i] === kb[j]
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
		if (ka[i] === kb[j]) {
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

/** Past this many words on either side a changed block is shown whole, not word by word. */
const WORD_DIFF_LIMIT = 3000;

/**
 * A long text's difference (a material's body): paragraphs are matched first, then the
 * words of each changed stretch, so twenty pages never build a table of millions of cells.
 */
export function textDiff(before: string, after: string): DiffPart[] {
	const a = before.split(/(?<=\n)/);
	const b = after.split(/(?<=\n)/);
	const lines = sequenceDiff(a, b);
	const parts: DiffPart[] = [];
	const push = (kind: DiffPart['kind'], text: string) => {
		const last = parts[parts.length - 1];
		if (last?.kind === kind) last.text += text;
		else if (text) parts.push({ kind, text });
	};
	for (let k = 0; k < lines.length; k++) {
		const part = lines[k]!;
		const next = lines[k + 1];
		if (part.kind === 'removed' && next?.kind === 'added') {
			const words = (part.text.match(/\S+/g)?.length ?? 0) + (next.text.match(/\S+/g)?.length ?? 0);
			if (words <= WORD_DIFF_LIMIT)
				for (const p of wordDiff(part.text, next.text)) push(p.kind, p.text);
			else {
				push('removed', part.text);
				push('added', next.text);
			}
			k++;
		} else push(part.kind, part.text);
	}
	return parts;
}

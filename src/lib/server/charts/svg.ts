// Shared by every server-rendered chart: charts are SVG strings made on the server, so they
// show with JavaScript off, print as vectors and go into the collection's PDF as they are.

/** Text and attribute values inside SVG markup. */
export function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Coordinates with at most two decimals: short markup, stable in tests. */
export function coordinate(value: number): string {
	return String(Math.round(value * 100) / 100);
}

/**
 * The colours charts use, from docs/design.md; "before" and "after" differ in lightness as well
 * as hue, so they stay apart in grey print and for colour-blind readers.
 */
export const chartColours = {
	text: '#1f2933',
	muted: '#52606d',
	grid: '#d9e2ec',
	before: '#9fb3c8',
	after: '#1d5fa8',
	bar: '#1d5fa8'
} as const;

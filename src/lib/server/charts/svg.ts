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
 * The colours charts use, the app's own (src/app.css); "before" and "after" differ in lightness
 * as well as hue, so they stay apart in grey print and for colour-blind readers.
 */
export const chartColours = {
	text: '#1d2733',
	muted: '#4a5563',
	grid: '#d8d3c8',
	before: '#9dbbe0',
	after: '#0b5cab',
	bar: '#0b5cab',
	confirmed: '#1d6b3a'
} as const;

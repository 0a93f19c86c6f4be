/** A notification's extra values (stored as JSON): the string ones; none from a broken value. */
export function parseParams(json: string): Record<string, string> {
	try {
		const value: unknown = JSON.parse(json);
		if (value && typeof value === 'object' && !Array.isArray(value))
			return Object.fromEntries(
				Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')
			);
	} catch {
		// A broken value shows the notification without its extra values.
	}
	return {};
}

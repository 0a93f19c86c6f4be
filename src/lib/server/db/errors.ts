// Constraint errors differ by driver; domain code asks these instead of reading codes.

function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error
		? String((error as { code: unknown }).code)
		: undefined;
}

export function isUniqueViolation(error: unknown): boolean {
	const code = codeOf(error);
	return (
		code === '23505' ||
		code === 'SQLITE_CONSTRAINT_UNIQUE' ||
		code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
	);
}

export function isForeignKeyViolation(error: unknown): boolean {
	const code = codeOf(error);
	return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

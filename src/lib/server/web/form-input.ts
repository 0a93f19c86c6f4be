import type { z } from 'zod';
import { fromWallClock } from '../zoned';

// The one place where HTML form encoding becomes a use case's typed input: a ticked
// checkbox sends 'on' and an unticked one nothing, numbers and dates come as text, a field
// sent several times is a list. The use case validates the result with the same schema, so
// a value that cannot be decoded is passed on as it came and gets that schema's error.

type FormValues = Record<string, string | string[]>;

interface Def {
	type: string;
	innerType?: z.ZodType;
	in?: z.ZodType;
	element?: z.ZodType;
	shape?: Record<string, z.ZodType>;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The kind of value a field holds, seen through optional, default, pipes and transforms,
 * and whether it may be left out.
 */
function baseOf(schema: z.ZodType): { def: Def; optional: boolean } {
	let def = defOf(schema);
	let optional = false;
	for (;;) {
		if (def.type === 'optional' || def.type === 'default') optional = true;
		if (def.innerType) def = defOf(def.innerType);
		else if (def.type === 'pipe' && def.in) def = defOf(def.in);
		else return { def, optional };
	}
}

const ticked = (v: string) => v === 'on' || v === 'true';

function decode(def: Def, value: string | string[] | undefined, timeZone?: string): unknown {
	switch (def.type) {
		case 'boolean':
			return Array.isArray(value) ? value.some(ticked) : value !== undefined && ticked(value);
		case 'array': {
			const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
			const item = def.element ? baseOf(def.element).def : undefined;
			return item ? values.map((v) => decode(item, v, timeZone)) : values;
		}
		case 'number': {
			if (typeof value !== 'string' || value.trim() === '') return undefined;
			const n = Number(value.trim());
			return Number.isFinite(n) ? n : value;
		}
		case 'date': {
			if (typeof value !== 'string' || value.trim() === '') return undefined;
			if (!timeZone) throw new Error('formInput: a date field needs the time zone');
			return fromWallClock(value.trim(), timeZone) ?? value;
		}
		default:
			return value;
	}
}

/**
 * A use case's input from a form: each field of `schema` decoded from the form's values,
 * then `extra` (ids from the URL, the deployment's settings) on top. Fields the schema does
 * not name are left out. Dates are wall-clock times of `timeZone` ('YYYY-MM-DDTHH:MM').
 */
export function formInput<S extends z.ZodObject>(
	schema: S,
	values: FormValues,
	extra: Partial<z.input<S>> = {},
	timeZone?: string
): z.input<S> {
	const result: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
		if (key in extra) continue;
		const { def, optional } = baseOf(field);
		const value = decode(def, values[key], timeZone);
		// An empty field of something that may be left out is left out ('' is no choice).
		if (value === undefined || (optional && value === '')) continue;
		result[key] = value;
	}
	return { ...result, ...extra } as z.input<S>;
}

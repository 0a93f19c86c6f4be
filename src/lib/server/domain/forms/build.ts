import { z } from 'zod';
import { fieldInput, splitOptions } from './input';
import type { FormField } from './fields';

/** A field as the builder sent it, in the stored model (only its type's settings kept). */
export function fieldFromInput(input: z.output<typeof fieldInput>, key: string): FormField {
	const common = { key, label: input.label, help: input.help, required: input.required };
	switch (input.type) {
		case 'number':
			return {
				...common,
				type: 'number',
				unit: input.unit,
				min: input.min ?? null,
				max: input.max ?? null,
				decimals: input.decimals
			};
		case 'scale':
			return {
				...common,
				type: 'scale',
				scaleMax: input.scaleMax,
				minLabel: input.minLabel,
				maxLabel: input.maxLabel
			};
		case 'single_choice':
		case 'multiple_choice':
			return { ...common, type: input.type, options: splitOptions(input.options) };
		default:
			return { ...common, type: input.type };
	}
}

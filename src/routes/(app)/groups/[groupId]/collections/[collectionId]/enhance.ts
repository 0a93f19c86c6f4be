import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

// How the editor's forms take their answer with JavaScript (without it, the page reloads).

/** The page updates in place; what was typed stays (a refusal shows next to it). */
export const keep: SubmitFunction =
	() =>
	async ({ update }) => {
		await update({ reset: false });
	};

/**
 * A section added: the form empties for the next one (as without JavaScript); a refusal
 * keeps what was typed.
 */
export const clearWhenAdded: SubmitFunction =
	() =>
	async ({ result, update }) => {
		await update({ reset: result.type === 'success' });
	};

/**
 * After a move the button may have left the page (its item went to another section):
 * keyboard users keep their place on the first of these that is there.
 */
export const refocus =
	(ids: string[]): SubmitFunction =>
	() =>
	async ({ update }) => {
		await update({ reset: false });
		await tick();
		if (document.activeElement && document.activeElement !== document.body) return;
		for (const id of ids) {
			const target = document.getElementById(id);
			if (target) return target.focus();
		}
	};

import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
	build: {
		// Rolldown's plugin-timing report is noise in `npm start` and CI logs.
		rolldownOptions: { checks: { pluginTimings: false } },
		// No list of every page's chunks in the entry (about 3 KB gzipped on every page, issue 17's
		// JS budget): a page's first load gets its chunks from the server's <link rel=modulepreload>;
		// a later navigation loads a page's chunks as its module imports them. CSS is still preloaded.
		modulePreload: false
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
		globalSetup: ['src/lib/server/test/global-setup.ts'],
		pool: 'forks',
		// Vitest sets BASE_URL='/' (import.meta.env); the app reads BASE_URL as its public URL.
		env: { BASE_URL: 'http://127.0.0.1:3000' },
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});

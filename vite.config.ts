import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
	plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
	// Rolldown's plugin-timing report is noise in `npm start` and CI logs.
	build: { rolldownOptions: { checks: { pluginTimings: false } } },
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

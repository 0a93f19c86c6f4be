// A bare SvelteKit app: the reference the bench compares Ustat's signed-in page against.
// Built with the root node_modules (`vite build` with this folder as cwd).
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ precompress: false })
	}
};

export default config;

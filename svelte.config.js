import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ precompress: true }),
		// Strict CSP: SvelteKit adds nonces to its own inline scripts; nothing else may run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		version: { pollInterval: 0 },
		// Cross-site form posts are refused by hooks.server.ts (web/csrf.ts), which leaves the
		// OAI-PMH endpoint open to harvesters; SvelteKit's own check would refuse them too.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;

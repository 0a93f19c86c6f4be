// One source for the Paraglide compiler options, used by vite.config.ts and scripts/i18n.js.
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Server: the locale comes from AsyncLocalStorage set in hooks.server.ts (profile → cookie →
	// Accept-Language). Client: read <html lang>, which the server rendered.
	/** @type {Array<`custom-${string}` | 'baseLocale'>} */
	strategy: ['custom-html', 'baseLocale'],
	// One module per message: pages ship only the messages they use (also in dev and tests).
	outputStructure: /** @type {const} */ ('message-modules'),
	emitGitIgnore: false,
	emitPrettierIgnore: false,
	emitReadme: false
};

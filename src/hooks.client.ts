import { defineCustomClientStrategy } from '$lib/paraglide/runtime.js';

// The server renders <html lang> from the profile/cookie/Accept-Language; the browser follows it.
defineCustomClientStrategy('custom-html', {
	getLocale: () => document.documentElement.lang,
	setLocale: () => {}
});

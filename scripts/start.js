// `npm start`: checks the configuration, builds if the sources changed, then serves.
// Migrations run inside the app at start (src/hooks.server.ts → init).
import path from 'node:path';
import { ConfigError, parseConfig } from '../src/lib/server/config.js';
import { restrictFileModes } from '../src/lib/server/file-modes.js';
import { nodeHeaderSetter } from '../src/lib/server/web/security-headers.js';
import { buildDir, buildIfNeeded, workersDir } from './lib/build.js';

let config;
try {
	config = parseConfig(process.env);
} catch (error) {
	if (error instanceof ConfigError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}

buildIfNeeded();

// After the build (whose output others may read), before anything of DATA_DIR is written.
restrictFileModes([config.dataDir, config.keyDir]);

// adapter-node reads these; BASE_URL decides the origin that form posts must come from.
process.env.PORT = String(config.port);
process.env.HOST = config.host;
process.env.ORIGIN = config.baseUrl;
// Uploads stream up to ten files at the file limit; forms read whole are held to their
// route's limit (1 MB by default) in hooks.server.ts.
process.env.BODY_SIZE_LIMIT ??= String(config.maxFileBytes * 10 + 1024 * 1024);
if (config.trustedProxies > 0) {
	process.env.ADDRESS_HEADER = 'x-forwarded-for';
	process.env.XFF_DEPTH = String(config.trustedProxies);
} else {
	delete process.env.ADDRESS_HEADER;
}

// The collection render worker, bundled beside the app by the build.
process.env.USTAT_WORKERS_DIR = workersDir;

const { server } = await import(path.join(buildDir, 'index.js'));
// Static files (/_app) are served before the hooks: their security headers are set here,
// ahead of adapter-node's own request listener.
server.server.prependListener('request', nodeHeaderSetter(config.baseUrl));

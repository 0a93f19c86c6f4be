import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('configuration from the environment', () => {
	it('has defaults for a one-machine school install', () => {
		const config = parseConfig({});
		expect(config).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			baseUrl: 'http://localhost:3000',
			databaseUrl: undefined,
			logLevel: 'info',
			trustedProxies: 0,
			timeZone: 'Asia/Bishkek'
		});
		expect(config.dataDir.endsWith('/data')).toBe(true);
	});

	it('takes BASE_URL as the origin and a postgres URL as the database', () => {
		const config = parseConfig({
			PORT: '8080',
			BASE_URL: 'https://ustat.edu.kg/some/path',
			DATABASE_URL: 'postgres://u:p@db:5432/ustat',
			TRUSTED_PROXIES: '1',
			SMTP_URL: ''
		});
		expect(config).toMatchObject({
			port: 8080,
			baseUrl: 'https://ustat.edu.kg',
			databaseUrl: 'postgres://u:p@db:5432/ustat',
			trustedProxies: 1,
			smtpUrl: undefined
		});
	});

	it('lists every bad variable at once, by name', () => {
		let error: unknown;
		try {
			parseConfig({
				PORT: '70000',
				BASE_URL: 'ftp://x',
				DATABASE_URL: 'mysql://x',
				LOG_LEVEL: 'loud',
				TIME_ZONE: 'Mars/Base'
			});
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const problems = (error as ConfigError).problems.join('\n');
		for (const name of ['PORT', 'BASE_URL', 'DATABASE_URL', 'LOG_LEVEL', 'TIME_ZONE'])
			expect(problems).toContain(name);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { inviteStaff } from '../../src/lib/server/domain/accounts/invite-staff';
import { issuePasswordReset } from '../../src/lib/server/domain/accounts/issue-password-reset';
import { ctxOf } from '../../src/lib/server/test/context';
import { testPassword } from '../../src/lib/server/test/factories';
import {
	call,
	cookieFrom,
	startTestServer,
	type TestServer
} from '../../src/lib/server/test/server';
import { buildWorld, type World } from './world';

// Bad input everywhere (setup, sign-in, invite, accept, reset, profile): a translated error
// next to the field, what was typed kept (never a password), and never a 500.

let fresh: TestServer; // not set up yet: the setup form
let server: TestServer;
let world: World;

beforeAll(async () => {
	[fresh, server] = await Promise.all([startTestServer(), startTestServer()]);
	world = await buildWorld(server);
});
afterAll(async () => {
	await Promise.all([fresh?.stop(), server?.stop()]);
});

/** The error text rendered for a field (the element the input's aria-describedby names). */
function fieldError(html: string, field: string): string | undefined {
	return html.match(new RegExp(`id="field-${field}-error"[^>]*>([^<]*)<`))?.[1];
}
function inputValue(html: string, field: string): string | undefined {
	const tag = html.match(new RegExp(`<input[^>]*name="${field}"[^>]*>`))?.[0];
	return tag?.match(/value="([^"]*)"/)?.[1];
}
const languages = { ky: 'ky', ru: 'ru', en: 'en' } as const;
const langCookie = (l: string) => `ustat_lang=${l}`;

describe('setup form', () => {
	for (const [lang, expected] of Object.entries({
		ky: [
			'Бул талааны толтуруу милдеттүү.',
			'Электрондук почтанын дареги туура эмес',
			'Жок дегенде 12 белги жазыңыз.'
		],
		ru: ['Это поле обязательно.', 'Неверный адрес электронной почты', 'Не короче 12 символов.'],
		en: ['This field is required.', 'This is not a valid email address', 'At least 12 characters.']
	})) {
		it(`explains every mistake in ${lang} and keeps the typed values`, async () => {
			const response = await call(fresh, '/setup', {
				cookie: langCookie(lang),
				form: {
					name: 'Үмөт атындагы мектеп',
					region: 'KG-Y',
					city: '',
					fullName: 'Айгүл Өмүрбекова',
					email: 'aigul@',
					password: 'short',
					locale: 'ky'
				}
			});
			expect(response.status).toBe(400);
			const html = await response.text();
			expect(html).toContain(`<html lang="${lang}">`);
			expect(fieldError(html, 'city')).toBe(expected[0]);
			expect(fieldError(html, 'email')).toContain(expected[1]);
			expect(fieldError(html, 'password')).toBe(expected[2]);
			expect(fieldError(html, 'name')).toBeUndefined();
			expect(inputValue(html, 'name')).toBe('Үмөт атындагы мектеп');
			expect(inputValue(html, 'email')).toBe('aigul@');
			expect(inputValue(html, 'fullName')).toBe('Айгүл Өмүрбекова');
			expect(inputValue(html, 'password')).toBe('');
			expect(html).not.toContain('short');
			expect(html).toMatch(/<select[^>]*name="region"[\s\S]*?<option value="KG-Y" selected/);
			expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="field-city-error"/);
		});
	}
});

describe('sign-in form', () => {
	it('keeps the email, never the password, and says what is wrong in the chosen language', async () => {
		for (const [lang, text] of [
			['ky', 'Электрондук почта же сырсөз туура эмес.'],
			['ru', 'Неверная почта или пароль.'],
			['en', 'The email or password is not correct.']
		]) {
			const response = await call(server, '/signin', {
				cookie: langCookie(lang!),
				form: { email: 'Unknown@Mektep.kg', password: 'secret-typed-123' }
			});
			expect(response.status).toBe(400);
			const html = await response.text();
			expect(fieldError(html, 'password')).toBe(text);
			expect(inputValue(html, 'email')).toBe('Unknown@Mektep.kg');
			expect(html).not.toContain('secret-typed-123');
		}
	});
});

describe('staff invitation form', () => {
	it('shows a translated error next to the email and keeps the role chosen', async () => {
		const cookie = world.cookies.adminA!;
		for (const lang of Object.keys(languages)) {
			// The admin's profile language wins over the cookie; switch it through the switcher.
			await call(server, '/language', { cookie, form: { locale: lang, next: '/' } });
			const response = await call(server, '/admin/staff?/invite', {
				cookie,
				form: { email: 'not an email', role: 'admin' }
			});
			expect(response.status).toBe(400);
			const html = await response.text();
			expect(html).toContain(`<html lang="${lang}">`);
			expect(fieldError(html, 'email')).toMatch(/aigul@mektep\.kg/);
			expect(inputValue(html, 'email')).toBe('not an email');
			expect(html).toMatch(/<option value="admin" selected/);
		}
		await call(server, '/language', { cookie, form: { locale: 'ky', next: '/' } });
		const taken = await call(server, '/admin/staff?/invite', {
			cookie,
			form: { email: world.users.teacherB.email }
		});
		expect(taken.status).toBe(409);
		expect(fieldError(await taken.text(), 'email')).toBe(
			'Бул электрондук почта менен аккаунт мурунтан эле бар.'
		);
	});
});

describe('accepting an invitation', () => {
	it('keeps the name typed when the password is too short, then works', async () => {
		const { invitation } = await inviteStaff(ctxOf(server.db, world.actors.adminA!), {
			schoolId: world.schoolA,
			email: 'new@a.kg'
		});
		const path = new URL(invitation.url).pathname;
		const bad = await call(server, path, {
			form: { fullName: 'Нурлан Үсөнов', password: 'short', locale: 'ru' }
		});
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(fieldError(html, 'password')).toBe('Жок дегенде 12 белги жазыңыз.');
		expect(inputValue(html, 'fullName')).toBe('Нурлан Үсөнов');
		expect(html).toMatch(/<option value="ru" selected/);
		const good = await call(server, path, {
			form: { fullName: 'Нурлан Үсөнов', password: 'жаңы сырсөз 2026', locale: 'ru' }
		});
		expect(good.status).toBe(303);
		expect(good.headers.get('location')).toBe('/profile?welcome=1');
		// The account's language applies from the first page.
		const welcome = await call(server, '/profile?welcome=1', {
			cookie: cookieFrom(good, sessionCookie)
		});
		expect(await welcome.text()).toContain('<html lang="ru">');
		// The link is spent.
		const reused = await call(server, path);
		expect(reused.status).toBe(410);
		expect(await reused.text()).toContain('Бул чакыруу колдонулуп бүткөн');
	});
});

describe('password reset form', () => {
	it('refuses a short password with a translated error, then resets', async () => {
		const { url } = await issuePasswordReset(ctxOf(server.db, world.actors.adminA!), {
			userId: world.users.teacherA.id,
			password: testPassword
		});
		const path = new URL(url).pathname;
		const bad = await call(server, path, { cookie: langCookie('en'), form: { password: 'x' } });
		expect(bad.status).toBe(400);
		expect(fieldError(await bad.text(), 'password')).toBe('At least 12 characters.');
		const good = await call(server, path, { form: { password: 'a brand new password' } });
		expect(good.headers.get('location')).toBe('/signin?done=reset');
	});
});

describe('profile form', () => {
	it('reports each bad field and keeps every value typed, including ticked subjects', async () => {
		const cookie = world.cookies.external!;
		const response = await call(server, '/profile?/save', {
			cookie,
			form: {
				fullName: 'Ж',
				subjects: ['physics', 'chemistry'],
				experienceYears: '75',
				qualificationCategory: 'first',
				locale: 'ky'
			}
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(fieldError(html, 'fullName')).toBe('Жок дегенде 2 белги жазыңыз.');
		expect(fieldError(html, 'experienceYears')).toBe('Эң көп дегенде 60.');
		expect(inputValue(html, 'fullName')).toBe('Ж');
		expect(inputValue(html, 'experienceYears')).toBe('75');
		expect(html).toMatch(/value="physics" checked/);
		expect(html).toMatch(/value="chemistry" checked/);
		expect(html).not.toMatch(/value="biology" checked/);
		expect(html).toMatch(/<option value="first" selected/);
	});

	it('saves and reloads in the new language', async () => {
		const cookie = world.cookies.external!;
		const saved = await call(server, '/profile?/save', {
			cookie,
			form: {
				fullName: 'Профессор Үсөн',
				subjects: 'physics',
				experienceYears: '30',
				qualificationCategory: '',
				locale: 'en'
			}
		});
		expect(saved.status).toBe(303);
		const page = await call(server, saved.headers.get('location')!, { cookie });
		const html = await page.text();
		expect(html).toContain('<html lang="en">');
		expect(html).toContain('Saved');
		expect(inputValue(html, 'fullName')).toBe('Профессор Үсөн');
	});
});

describe('hostile or broken input never causes a 500', () => {
	const bodies: [string, string, string][] = [
		[
			'application/x-www-form-urlencoded',
			'email=%FF%FE&password=%00%00',
			'invalid UTF-8 and null bytes'
		],
		[
			'application/x-www-form-urlencoded',
			`email=${'a'.repeat(100_000)}&password=${'b'.repeat(10_000)}`,
			'huge fields'
		],
		[
			'application/x-www-form-urlencoded',
			'email=a@b.kg&email=c@d.kg&password=x&password=y',
			'repeated fields'
		],
		[
			'multipart/form-data; boundary=zzz',
			'--zzz\r\nContent-Disposition: form-data; name="email"\r\n\r\nx\r\n--zzz--\r\n',
			'multipart'
		],
		['text/plain', 'email=a@b.kg', 'wrong content type'],
		['application/x-www-form-urlencoded', '', 'empty body']
	];
	for (const path of [
		'/signin',
		'/setup',
		'/forgot',
		'/admin/staff?/invite',
		'/profile?/save',
		'/profile?/password'
	]) {
		for (const [type, body, name] of bodies) {
			it(`${path}: ${name}`, async () => {
				const response = await fetch(server.url + path, {
					method: 'POST',
					headers: {
						'content-type': type,
						origin: server.url,
						accept: 'text/html',
						cookie: world.cookies.adminA!
					},
					body,
					redirect: 'manual'
				});
				expect(response.status).toBeLessThan(500);
			});
		}
	}
});

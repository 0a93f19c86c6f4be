import { describe, expect, it } from 'vitest';
import { ValidationError, validate } from '../../validation';
import { changePasswordInput, password } from './input';
import { passwordProblem } from './password';

// Issue 16, finding 8: weak new passwords were accepted (ASVS 6.2.4, 6.2.11–12).

describe('new passwords', () => {
	it.each([
		['aaaaaaaaaaaa', 'web_password_pattern'],
		['            a', 'web_password_pattern'],
		['abcabcabcabc', 'web_password_pattern'],
		['123456789012', 'web_password_pattern'],
		['987654321098', 'web_password_pattern'],
		['abcdefghijklm', 'web_password_pattern'],
		['qwertyuiopasdf', 'web_password_pattern'],
		['йцукенгшщзхъ', 'web_password_pattern'],
		['password1234', 'web_password_common'],
		['Password2026!', 'web_password_common'],
		['iloveyou1234', 'web_password_common'],
		['football2020', 'web_password_common'],
		['Qwertyuiop12!', 'web_password_common'],
		['1234567890abcdefgh', 'web_password_common'],
		['Жашыл тоо 2026 жыл', null],
		['ала-тоонун үстүндө үч булут', null],
		['8#4k2!9@7$1%', null],
		['founder-password-2026', null]
	] as const)('%s → %s', (value, expected) => {
		if (expected === null) expect(passwordProblem(value)).toBeNull();
		else expect(passwordProblem(value)).toBe(expected);
	});

	it('may not be the email, nor contain its part before the @', () => {
		const email = 'aigul.toktosunova@school.kg';
		expect(passwordProblem('aigul.toktosunova@school.kg', email)).toBe('web_password_personal');
		expect(passwordProblem('AIGUL.toktosunova@School.kg', email)).toBe('web_password_personal');
		expect(passwordProblem('aigul.toktosunova-2026', email)).toBe('web_password_personal');
		expect(passwordProblem('Aigul Toktosunova 77!', email)).toBe('web_password_personal');
		expect(passwordProblem('Ысык-Көлдүн суусу тунук 7', email)).toBeNull();
	});

	it('shows the reason on the password field', () => {
		const error = (() => {
			try {
				validate(changePasswordInput, { currentPassword: 'x', newPassword: 'aaaaaaaaaaaa' });
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues).toEqual([
			{ field: 'newPassword', key: 'web_password_pattern' }
		]);
		expect(password.safeParse('ала-тоонун үстүндө үч булут').success).toBe(true);
	});
});

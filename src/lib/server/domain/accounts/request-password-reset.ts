import { isLocale } from '../../../i18n/locale';
import { mailEnabled, sendMail } from '../../mail';
import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { createPasswordReset, resetHours } from './create-password-reset';
import { resetMail } from './emails';
import { requestPasswordResetInput, type RequestPasswordResetInput } from './input';
import { findUserByEmail } from './queries';
import { mailSlotFree } from './mail-limits';

/**
 * "Forgot password" by email (only where SMTP is set). The answer never says whether the
 * address has an account (nor whether too many mails went to it this hour); the mail goes out
 * in the background so timing does not tell either.
 */
export async function requestPasswordReset(
	{ db, now }: AnonymousCtx,
	input: RequestPasswordResetInput
): Promise<{ mailEnabled: boolean; sending: Promise<void> }> {
	const { email } = validate(requestPasswordResetInput, input);
	if (!mailEnabled()) return { mailEnabled: false, sending: Promise.resolve() };
	const sending = (async () => {
		const user = await findUserByEmail(db, email);
		if (!user || !user.isActive) return;
		// Over the limit: no mail, and the same answer as always, so it tells nobody anything.
		if (!(await mailSlotFree(db, { purpose: 'forgot', recipient: user.email }, now))) return;
		const { url } = await createPasswordReset(db, user.id, null, now);
		const locale = isLocale(user.locale) ? user.locale : 'ky';
		await sendMail(resetMail({ to: user.email, url, locale, hours: resetHours }));
	})().catch(() => undefined);
	return { mailEnabled: true, sending };
}

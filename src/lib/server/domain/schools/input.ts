import { z } from 'zod';
import { email, text } from '../../validation';
import { fullName, locale, password } from '../accounts/input';
import { regions } from './regions';

export const schoolInput = z.object({
	name: text(200, 2),
	region: z.enum(regions),
	city: text(100, 2)
});

/** First run: the school and its first admin, who also operates the deployment. */
export const setupInput = schoolInput.extend({ fullName, email, password, locale });

/** An operator adds a school and invites its first admin. */
export const addSchoolInput = schoolInput.extend({ adminEmail: email });

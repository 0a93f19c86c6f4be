import { z } from 'zod';
import { email, text } from '../../validation';
import { fullName, locale, password, type RequestMeta } from '../accounts/input';
import { schoolId } from '../ids';
import { regions } from './regions';

// Inputs of the schools use cases. Field names match the form fields.

export const schoolInput = z.object({
	name: text(200, 2),
	region: z.enum(regions),
	city: text(100, 2)
});

/** First run: the school and its first admin, who also operates the deployment. */
export const setupDeploymentInput = schoolInput.extend({ fullName, email, password, locale });
/** The form's fields, and where the request came from (kept with the new session). */
export type SetupDeploymentInput = z.input<typeof setupDeploymentInput> & RequestMeta;

/** An operator adds a school and invites its first admin. */
export const addSchoolInput = schoolInput.extend({ adminEmail: email });
export type AddSchoolInput = z.input<typeof addSchoolInput>;

export const updateSchoolInput = schoolInput.extend({ schoolId });
export type UpdateSchoolInput = z.input<typeof updateSchoolInput>;

export const getSchoolInput = z.object({ schoolId });
export type GetSchoolInput = z.input<typeof getSchoolInput>;

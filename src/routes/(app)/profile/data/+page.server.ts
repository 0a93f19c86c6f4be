import type { PageServerLoad } from './$types';

/** What the person's data is and the button to download it (the file: personal-data.json). */
export const load: PageServerLoad = () => ({});

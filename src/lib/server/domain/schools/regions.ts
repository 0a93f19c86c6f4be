/** Regions of Kyrgyzstan by ISO 3166-2 code (REFERENCE.md); names live in the catalog. */
export const regions = [
	'KG-GB',
	'KG-GO',
	'KG-B',
	'KG-J',
	'KG-Y',
	'KG-N',
	'KG-O',
	'KG-T',
	'KG-C'
] as const;
export type Region = (typeof regions)[number];

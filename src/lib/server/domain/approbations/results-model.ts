// The results of approbations as plain data: what the results pages, the charts and the
// methodological collection (frozen into an edition) all read. No actor, no database here.

/** The default indicators, computed from the mark counts a teacher types (docs/reference.md). */
export const markIndicators = [
	'average_mark',
	'knowledge_quality',
	'progress_rate',
	'sou'
] as const;
export type MarkIndicator = (typeof markIndicators)[number];

/** One class of one approbation: the indicator's value before and after. */
export interface ResultPoint {
	approbationId: string;
	/** The class as the school writes it, e.g. "5-Б". */
	classLabel: string;
	grade: number;
	pupils: number;
	before: number;
	after: number;
	/** Enough observations confirmed the approbation (§5.4); else self-reported. */
	confirmed: boolean;
}

export interface IndicatorResults {
	/** A default indicator, or 'custom' with its own name and unit. */
	key: MarkIndicator | 'custom';
	/** The custom indicator's name; empty for a default one (its name is translated). */
	name: string;
	/** '%' for shares and СОУ, '' for the average mark, the custom indicator's own unit. */
	unit: string;
	points: ResultPoint[];
}

export interface MaterialResults {
	materialId: string;
	approbations: number;
	confirmedApprobations: number;
	indicators: IndicatorResults[];
}

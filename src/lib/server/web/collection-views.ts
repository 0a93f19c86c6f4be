import { safeFileName } from '../files/names';

/** The download name of an edition's file: "Title — edition 2.pdf", safe for every system. */
export function editionFileName(title: string, number: number, ext: 'docx' | 'pdf'): string {
	return safeFileName(`${title.slice(0, 120)} (${number}).${ext}`);
}

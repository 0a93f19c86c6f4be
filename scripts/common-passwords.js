// Writes src/lib/server/domain/accounts/common-passwords.txt, the list of common passwords a
// new password is checked against (ASVS 6.2.4): zxcvbn-ts's list of leaked passwords,
// lowercased, those of 8 characters or more (a shorter one is refused by length anyway, and
// a longer password made of one of them plus digits is refused by its core). Run once when
// the package is updated: `node scripts/common-passwords.js`; the output is committed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictionary } from '@zxcvbn-ts/language-common';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'src/lib/server/domain/accounts/common-passwords.txt');

const words = [
	...new Set(dictionary.passwords.map((word) => word.toLowerCase().trim()).filter(Boolean))
].filter((word) => [...word].length >= 8 && !/[\r\n]/.test(word));
fs.writeFileSync(out, `${words.join('\n')}\n`);
console.log(`${words.length} common passwords written to ${path.relative(root, out)}`);

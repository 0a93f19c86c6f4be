// Compiles messages/{ky,ru,en}.json into typed message functions (src/lib/paraglide).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);

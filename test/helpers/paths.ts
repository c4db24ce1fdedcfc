// Where the repository and the built kt are.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const KT_BIN = join(ROOT, 'bin', 'kt.js');

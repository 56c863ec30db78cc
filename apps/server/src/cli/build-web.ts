// `npm run build:web`: builds the web app when its sources changed since the last build (a content
// hash stamp in apps/web/dist); `--force` always builds. `npm ci` runs it (prepare), `npm start` too.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt } from '../web-build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
try {
  ensureWebBuilt(root, { force: process.argv.includes('--force') });
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

// npm run module:new -- <name>            a new module in modules/<name>, listed in the server and the web app
// npm run module:new -- --remove <name>   takes such a module out again (its folder and its two list lines)
import { removeModule, scaffoldModule } from '../scaffold/module-new.ts';

const args = process.argv.slice(2);
const remove = args.includes('--remove');
const name = args.find((a) => !a.startsWith('--'));
if (!name) {
  console.error('usage: npm run module:new -- <name>   (lower-case words joined by hyphens, e.g. repair-fund)');
  process.exit(2);
}
try {
  if (remove) {
    removeModule({ name, install: true });
    console.log(`modules/${name} removed and taken out of the module lists`);
  } else {
    const { written, changed } = scaffoldModule({ name, install: true });
    console.log(`modules/${name}: ${written.length} files written; listed in ${changed.join(' and ')}`);
    console.log('next: docs/adding-a-module.md — fill in what the module is for, its tables, abilities and pages');
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

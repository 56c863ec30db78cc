import { loadConfig } from '@linli/core';
import { openRuntime } from '../runtime.ts';

// `npm run migrate`: applies pending migrations (the server also does this at start-up).
const { database } = await openRuntime(loadConfig());
await database.close();

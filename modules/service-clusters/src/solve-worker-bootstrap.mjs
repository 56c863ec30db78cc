// Starts the TypeScript worker entry (./solve-worker.ts) in a worker thread: a worker does not
// inherit the tsx loader that `node --import tsx` registered on the main thread, so register it here.
import { register } from 'tsx/esm/api';

register();
await import('./solve-worker.ts');

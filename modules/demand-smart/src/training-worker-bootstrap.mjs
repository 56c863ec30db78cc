// Starts the TypeScript worker entry (./training-worker.ts) in a worker thread: a worker does not
// inherit the tsx loader that `node --import tsx` registered on the main thread, so register it here.
import { register } from 'tsx/esm/api';

register();
await import('./training-worker.ts');

import { prepareTemplate, removeTemplate } from '../src/testing.ts';

export default async function setup(): Promise<() => Promise<void>> {
  await prepareTemplate('pglite');
  return () => removeTemplate('pglite');
}

import type { DemoSeedContext } from '@linli/core';

/** Demo data of property (filled in below). */
export async function seedPropertyDemo(_ctx: DemoSeedContext): Promise<void> {}

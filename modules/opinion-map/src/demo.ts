import type { DemoSeedContext } from '@linli/core';

/** Demo data of the opinion map (filled in below). */
export async function seedOpinionMapDemo(_ctx: DemoSeedContext): Promise<void> {}

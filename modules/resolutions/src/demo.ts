import type { DemoSeedContext } from '@linli/core';

/** Demo data of resolutions (filled below). */
export async function seedResolutionsDemo(_ctx: DemoSeedContext): Promise<void> {}

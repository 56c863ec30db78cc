import type { DemoSeedContext } from '@linli/core';

/** Demo data of service clusters (filled in below). */
export async function seedServiceClustersDemo(_ctx: DemoSeedContext): Promise<void> {}

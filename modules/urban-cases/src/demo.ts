import type { DemoSeedContext } from '@linli/core';

export async function seedUrbanCasesDemo(_ctx: DemoSeedContext): Promise<void> {}

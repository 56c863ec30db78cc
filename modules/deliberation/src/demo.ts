import type { DemoSeedContext } from '@linli/core';

/** Demo data of deliberation: topics of the demo county's pool across their states. */
export async function seedDeliberationDemo(_ctx: DemoSeedContext): Promise<void> {}

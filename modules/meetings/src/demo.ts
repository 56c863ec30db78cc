import type { DemoSeedContext } from '@linli/core';
export async function seedMeetingsDemo(_ctx: DemoSeedContext): Promise<void> {}

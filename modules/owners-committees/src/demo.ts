import type { DemoSeedContext } from '@linli/core';

/** Demo data of owners-committees (filled in below). */
export async function seedOwnersCommitteesDemo(_ctx: DemoSeedContext): Promise<void> {}

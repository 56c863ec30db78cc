import type { DemoSeedContext } from '@linli/core';

/** Demo ballots: none of its own — the modules that hold meetings and owners' decisions open them. */
export async function seedBallotsDemo(_ctx: DemoSeedContext): Promise<void> {}

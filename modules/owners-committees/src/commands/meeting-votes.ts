import { BallotRepository } from '@linli/ballots';
import type { Tx } from '@linli/db';

/** Whether the household has voted on any of the meeting's ballots (on the phone, in person or through a proxy). */
export async function hasVoted(tx: Tx, tenantId: string, ballotIds: (string | null)[], householdId: string): Promise<boolean> {
  const ballots = new BallotRepository(tx);
  for (const id of ballotIds) if (id && (await ballots.participation(tenantId, id, householdId))) return true;
  return false;
}

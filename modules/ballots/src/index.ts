// The public interface of ballots: what other modules and the server may import.
//
// Other modules attach a ballot to their own record inside their own transaction:
//   const ballot = await createBallot(tx, ctx, { placeId, subject: { kind: 'owners_decision', id, title }, ... });
//   await openBallot(tx, ctx, ballot.id);             // freezes the roll
//   const result = await closeBallot(tx, ctx, ballot.id); // counts, stores, emits ballots.closed
//   const { status, result } = await ballotResult(db, ctx, ballot.id); // null result until closed
// Each checks the caller's `ballots.write` (reads: `ballots.read`) scope on the ballot's place.
export { BallotRepository } from './ballot.repository.ts';
export { castVote, receiptHash } from './commands/cast-vote.ts';
export { closeBallot } from './commands/close-ballot.ts';
export { createBallot } from './commands/create-ballot.ts';
export { enterTally } from './commands/enter-tally.ts';
export { openBallot } from './commands/open-ballot.ts';
export { recordPaperVote } from './commands/record-paper-vote.ts';
export { registerProxy } from './commands/register-proxy.ts';
export { requireSubjects } from './commands/subject-reference.ts';
export * from './contract.ts';
export { type BallotRule, decide, presetRules } from './decision.ts';
export { ballotsModule } from './module.ts';
export { ballotResult, myBallots } from './queries.ts';

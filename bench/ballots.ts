// `npm run bench -- ballots [--driver pglite|postgres] [--quick] [--json]`: ballots cast per second
// when 500 households vote at once (each vote one transaction of castVote: ballot FOR SHARE, the
// voter's roll row FOR UPDATE, participation, choice, option totals), against raw single-row
// inserts fired at the same concurrency on the same database (the ratio, as bench/demands.ts
// reports intake ÷ raw). Each round opens a new ballot on the same 500-household building.
import { randomBytes } from 'node:crypto';
import { castVote, closeBallot, createBallot, openBallot } from '@linli/ballots';
import { ballotBody, buildBallotWorld } from '@linli/ballots/testing';
import { AuditKeys, configureAuditKeys } from '@linli/core';
import { type Database, migrate } from '@linli/db';
import { loadAverage, openBenchDatabase, parseFlags, round } from './lib/harness.ts';

const VOTERS = 500;

export interface BallotsBenchResult {
  driver: 'pglite' | 'postgres';
  voters: number;
  rounds: number;
  votes_per_s: number;
  raw_insert_per_s: number;
  votes_ratio: number;
  counted_exactly: boolean;
  load_average: { start: number; end: number };
}

export async function runBallotsBenchmark(options: {
  database: Database;
  driver: 'pglite' | 'postgres';
  rounds: number;
  log?: (line: string) => void;
}): Promise<BallotsBenchResult> {
  const { database, rounds } = options;
  const log = options.log ?? (() => {});
  const loadStart = await loadAverage();
  await migrate(database);
  await import('@linli/server/test/abilities-setup');
  configureAuditKeys(new AuditKeys(Buffer.alloc(32, 9)));
  const areas = Array.from({ length: VOTERS }, (_, i) => 60 + (i % 90) + (i % 7) / 10);
  const w = await buildBallotWorld(database.db, areas);
  await database.exec(`CREATE TABLE bench_raw_vote (tenant_id text NOT NULL, ballot_id uuid NOT NULL, voter_id uuid NOT NULL,
    option_id smallint NOT NULL, PRIMARY KEY (tenant_id, ballot_id, voter_id))`);

  let voteMs = 0;
  let rawMs = 0;
  let exact = true;
  for (let r = 0; r < rounds; r++) {
    const ballot = await database.db.transaction((tx) =>
      createBallot(tx, w.staffA, ballotBody(w.building.id, { title: `第 ${r + 1} 轮` })),
    );
    await database.db.transaction((tx) => openBallot(tx, w.staffA, ballot.id));
    let t = performance.now();
    await Promise.all(
      w.residents.map((who, i) =>
        database.db.transaction((tx) =>
          castVote(tx, who, ballot.id, { options: [(i % 2) + 1], receipt: randomBytes(32).toString('base64url') }),
        ),
      ),
    );
    voteMs += performance.now() - t;
    const result = await database.db.transaction((tx) => closeBallot(tx, w.staffA, ballot.id));
    exact &&= result.cast.voters === VOTERS && result.options[0]?.voters === VOTERS / 2;

    t = performance.now();
    await Promise.all(
      w.households.map((h, i) =>
        database.query('INSERT INTO bench_raw_vote (tenant_id, ballot_id, voter_id, option_id) VALUES ($1, $2, $3, $4)', [
          '370785',
          ballot.id,
          h.id,
          (i % 2) + 1,
        ]),
      ),
    );
    rawMs += performance.now() - t;
    log(`  round ${r + 1}: ${VOTERS} votes and ${VOTERS} raw inserts`);
  }
  const votesPerS = (VOTERS * rounds) / (voteMs / 1000);
  const rawPerS = (VOTERS * rounds) / (rawMs / 1000);
  return {
    driver: options.driver,
    voters: VOTERS,
    rounds,
    votes_per_s: Math.round(votesPerS),
    raw_insert_per_s: Math.round(rawPerS),
    votes_ratio: round(votesPerS / rawPerS, 3),
    counted_exactly: exact,
    load_average: { start: loadStart, end: await loadAverage() },
  };
}

/** The command line: `npm run bench -- ballots …`. */
export async function main(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  const log = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);
  const database = await openBenchDatabase(flags.driver, 'linli_bench_ballots', 20);
  try {
    const r = await runBallotsBenchmark({ database, driver: flags.driver, rounds: flags.quick ? 1 : 3, log });
    if (flags.json) console.log(JSON.stringify(r, null, 2));
    else {
      log(`\nballots benchmark on ${r.driver}: ${r.voters} voters at once, ${r.rounds} round(s)`);
      log(`  votes cast        per s  ${r.votes_per_s}`);
      log(`  raw insert        per s  ${r.raw_insert_per_s}`);
      log(
        `  votes ÷ raw              ${r.votes_ratio}   (counted exactly: ${r.counted_exactly}; load ${r.load_average.start} → ${r.load_average.end})`,
      );
    }
  } finally {
    await database.close();
  }
}

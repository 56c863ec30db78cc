import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestConversation, residentContext } from '../testing.ts';
import { moderateStatement } from './moderate-statement.ts';
import { writeStatement } from './write-statement.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('writeStatement and moderateStatement', () => {
  it('keeps a resident’s statement pending, then approves it (audited, the map goes stale) or rejects it with its reason', async () => {
    const c = await openTestConversation(database.db, tree.a.community, tree.a.compound, ['观点']);
    const resident = await residentContext(database.db, tree.a.h101);
    const first = await database.db.transaction((tx) => writeStatement(tx, resident, c.id, { body: '夜间禁止鸣笛' }));
    const second = await database.db.transaction((tx) => writeStatement(tx, resident, c.id, { body: '请公安处理某住户' }));
    expect(first.status).toBe('pending');
    const [before] = await database.query<{ v: number }>('SELECT data_version AS v FROM opinion_conversation WHERE id = $1', [c.id]);
    const approved = await database.db.transaction((tx) => moderateStatement(tx, c.staff, first.id, { decision: 'approve' }));
    expect(approved).toMatchObject({ status: 'approved', authorKind: 'resident', rejectReason: null });
    const [after] = await database.query<{ v: number }>('SELECT data_version AS v FROM opinion_conversation WHERE id = $1', [c.id]);
    expect(after?.v).toBe((before?.v ?? 0) + 1);
    const noReason = await database.db
      .transaction((tx) => moderateStatement(tx, c.staff, second.id, { decision: 'reject' }))
      .catch((e: AppError) => e.declared?.code ?? e.code);
    expect(noReason).toBe('opinion_map.reason_required');
    const rejected = await database.db.transaction((tx) =>
      moderateStatement(tx, c.staff, second.id, { decision: 'reject', reason: 'excluded_topic', note: '负面清单：行政执法事项' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'excluded_topic', moderationNote: '负面清单：行政执法事项' });
    const twice = await database.db
      .transaction((tx) => moderateStatement(tx, c.staff, second.id, { decision: 'approve' }))
      .catch((e: AppError) => e.declared?.code ?? e.code);
    expect(twice).toBe('opinion_map.already_moderated');
    const [audits] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action IN ('opinionMap.statement.submit', 'opinionMap.statement.approve', 'opinionMap.statement.reject')",
    );
    expect(audits?.n).toBe(4);
  });

  it('answers another community’s moderator like an unknown statement', async () => {
    const c = await openTestConversation(database.db, tree.a.community, tree.a.compound, ['观点']);
    const resident = await residentContext(database.db, tree.a.h101);
    const written = await database.db.transaction((tx) => writeStatement(tx, resident, c.id, { body: '另一观点' }));
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const code = await database.db
      .transaction((tx) => moderateStatement(tx, other, written.id, { decision: 'approve' }))
      .catch((e: AppError) => e.declared?.code ?? e.code);
    expect(code).toBe('platform.not_found_id');
    const [row] = await database.query<{ status: string }>('SELECT status FROM opinion_statement WHERE id = $1', [written.id]);
    expect(row?.status).toBe('pending');
  });
});
